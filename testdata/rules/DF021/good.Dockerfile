FROM debian:12-slim
RUN apt-get update \
 && apt-get install -y ca-certificates tzdata --no-install-recommends \
 && apt-get install -y -f \
 && apt-get -o APT::Install-Recommends=false install -y curl \
 && rm -rf /var/lib/apt/lists/*
USER 1000
