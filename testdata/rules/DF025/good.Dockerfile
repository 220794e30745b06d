FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Something runs after the update in the same RUN: it may install.
RUN apt-get update && /usr/local/bin/install-deps.sh && rm -rf /var/lib/apt/lists/*
USER 1000
