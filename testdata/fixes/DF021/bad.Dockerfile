FROM golang:1.23 AS build
# A builder stage is not part of the final image: recommends there do not matter.
RUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*
FROM debian:12-slim
RUN apt-get update \
    # want: DF021
 && apt-get install --no-install-recommends -y \
      ca-certificates \
      tzdata \
 && rm -rf /var/lib/apt/lists/*
USER 1000
