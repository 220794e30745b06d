FROM debian:12-slim
# want: DF050
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
RUN set -e; \
    # want: DF050
    wget -qO- https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/example.gpg
USER 1000
