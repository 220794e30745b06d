FROM debian:12-slim
# want: DF050
RUN curl -fsSL https://example.com/config.json | tee /etc/app/config.json
RUN set -e; \
    # want: DF050
    wget -qO- https://example.com/versions.json | jq -r .latest > /etc/app/version
USER 1000
