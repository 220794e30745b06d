FROM debian:12-slim
RUN set -eux -o pipefail; curl -fsSL https://example.com/config.json | tee /etc/app/config.json
RUN echo "hello" | tee /etc/motd
# These consumers fail on empty or truncated input by themselves.
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
RUN curl -fsSL https://example.com/key.asc | apt-key add -
RUN wget -qO- https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -qO- https://example.com/versions.json | jq -r .latest > /etc/app/version
USER 1000
