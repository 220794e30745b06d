FROM debian:12-slim
# want: DF025
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
FROM alpine:3.20
# want: DF025
RUN apk update && echo done
USER 1000
