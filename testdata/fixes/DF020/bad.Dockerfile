FROM debian:12-slim
RUN apt-get update \
    # want: DF020
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        curl ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -e
apt-get update
# want: DF020
apt-get -q install -y --no-install-recommends git
rm -rf /var/lib/apt/lists/*
EOF
# want: DF020
RUN apt-get -qq --quiet=1 install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
# want: DF020
RUN apt-get --quiet install -y --no-install-recommends make && rm -rf /var/lib/apt/lists/*
USER 1000
