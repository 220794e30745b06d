# syntax=docker/dockerfile:1-labs
FROM debian:12-slim
# want: DF013
RUN --mount=type=cache,target=/var/cache/apt --security=insecure mount -t tmpfs none /mnt
USER 1000
