FROM ubuntu:24.04
# want: DF024 DF024
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER 1000
