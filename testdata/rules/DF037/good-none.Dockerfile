FROM gcr.io/distroless/static:nonroot
COPY app /app
# Kubernetes probes this service; the image says so explicitly.
HEALTHCHECK NONE
EXPOSE 8080
ENTRYPOINT ["/app"]
