FROM alpine:3.20 AS build
# Builder stages are not shipped.
RUN apk add gcc
FROM alpine:3.20
RUN apk add --no-cache curl
RUN apk add --update jq && rm -rf /var/cache/apk/*
RUN --mount=type=cache,target=/var/cache/apk apk add git
# --no-network installs from what is already there and downloads nothing.
RUN apk add --no-network --virtual .rundeps libffi
USER 1000
