FROM debian:12-slim
# want: DF025
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
FROM alpine:3.20
# want: DF025
RUN apk update && echo done
FROM opensuse/leap:15.6
# want: DF025
RUN zypper --non-interactive refresh
RUN zypper -n install curl && zypper clean -a
# want: DF025
RUN zypper ref \
    && zypper clean --all
FROM rockylinux:9
# want: DF025
RUN sudo dnf makecache
USER 1000
