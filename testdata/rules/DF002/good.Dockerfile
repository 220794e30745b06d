ARG VERSION
FROM golang:1.22-alpine AS build
# A stage reference is not an image.
FROM build AS test
# An ARG with no default is resolved at build time: not guessed.
FROM alpine:${VERSION}
FROM nginx@sha256:0f0a1cd4c3e5b1b8e5f4e7a8d9c0b1a2f3e4d5c6b7a8f9e0d1c2b3a4f5e6d7c8
FROM registry.example.com:5000/team/app:2.1
FROM scratch
USER 1000
