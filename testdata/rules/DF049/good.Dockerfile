ARG PYTHON_VERSION=3.12
ARG REGISTRY
FROM python:${PYTHON_VERSION}-slim AS app
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
FROM ${REGISTRY:-docker.io}/library/alpine:3.20
USER 1000
