FROM gcr.io/distroless/static:nonroot
COPY app /app
# Kubernetes probes this service; the image says so explicitly.
HEALTHCHECK NONE
ENTRYPOINT ["/app"]
