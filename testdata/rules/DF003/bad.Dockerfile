FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends curl && \
    # want: DF003
    curl -fsSL https://example.com/install.sh | sudo bash -s -- --yes
# want: DF003
RUN wget -qO- https://example.com/setup.py | python3 -
# want: DF003
RUN bash -c "$(curl -fsSL https://example.com/install.sh)"
# want: DF003
RUN sh <(curl -fsSL https://example.com/install.sh)
RUN <<EOF
set -e
# want: DF003
curl -sSL https://example.com/get.sh | sh
EOF
RUN curl -fsSL -o /tmp/get-docker.sh https://get.docker.com \
    # want: DF003
 && sh /tmp/get-docker.sh
RUN wget -q https://example.com/install.sh \
 && chmod +x install.sh \
    # want: DF003
 && ./install.sh --prefix /opt
ENV INSTALLER_URL=https://example.com/install.sh
# want: DF003
RUN curl -fsSL "$INSTALLER_URL" | sh
RUN wget -q "${INSTALLER_URL}" \
    # want: DF003
 && sh install.sh
USER 1000
