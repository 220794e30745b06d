# syntax=docker/dockerfile:1
#
# shiplint's own container image: one static binary on distroless, run as a
# non-root user. It passes `shiplint scan Dockerfile` with zero findings
# (integration/dockerfile_test.go checks that).
#
#   docker build --build-arg VERSION="$(git describe --tags --always)" -t shiplint .
#   docker run --rm -v "$PWD:/src:ro" -w /src shiplint scan .
#
# Base images are pinned by digest; the tag stays for readers. To move to a
# newer build of the same tag, look the digest up and replace it:
#   docker buildx imagetools inspect golang:1.26.8-bookworm
#   docker buildx imagetools inspect gcr.io/distroless/static-debian12:nonroot

FROM golang:1.26.8-bookworm@sha256:a688600ca24f8a4d3ca77f95b0dd40704a9fc787c826660eb7ba0b641b8b175d AS build
WORKDIR /src
ENV CGO_ENABLED=0
# Modules first, so editing the source does not download them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/shiplint ./cmd/shiplint

FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
COPY --from=build /out/shiplint /shiplint
USER 65532:65532
# A command-line tool, not a service: there is no long-running process to
# probe, so say so explicitly rather than inherit or invent a health check.
HEALTHCHECK NONE
ENTRYPOINT ["/shiplint"]
