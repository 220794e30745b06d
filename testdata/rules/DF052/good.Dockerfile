ARG BASE
FROM registry.example.com/base/go:1.22 AS build
RUN make
# Official Docker Hub images are trusted by this configuration.
FROM alpine:3.20 AS tools
# Stage references, scratch and unresolved references are not pulled from anywhere known.
FROM build AS test
FROM ${BASE}
FROM scratch
COPY --from=build /out /app
USER 10001
