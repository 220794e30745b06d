FROM ubuntu:24.04
RUN apt-get update \
 # want: DF004
 && sudo -E DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*
# want: DF004
RUN ["sudo", "chown", "-R", "app", "/srv"]
RUN <<EOF
set -e
# want: DF004
sudo -u app touch /srv/ready
EOF
USER app
