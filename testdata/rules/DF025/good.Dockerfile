FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# Something runs after the update in the same RUN: it may install.
RUN apt-get update && /usr/local/bin/install-deps.sh && rm -rf /var/lib/apt/lists/*
FROM opensuse/leap:15.6
RUN zypper --non-interactive refresh && zypper -n install curl && zypper clean -a
RUN zypper ref -s && sh -c 'zypper -n in jq' && zypper clean -a
FROM rockylinux:9
RUN dnf makecache && dnf install -y git && dnf clean all
USER 1000
