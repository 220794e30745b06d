FROM debian:12-slim
RUN set -eux -o pipefail; curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
RUN echo "hello" | tee /etc/motd
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -qO- https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg
USER 1000
