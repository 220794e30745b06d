ARG TOOLS=ghcr.io/example/tools:1.0
FROM golang:1.23 AS Builder
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static:nonroot
COPY --from=builder /out/app /app
COPY --from=0 /out/app /app0
COPY --from=busybox:1.36 /bin/busybox /busybox
COPY --from=ghcr.io/example/tools /usr/bin/tool /tool
COPY --from=${TOOLS} /usr/bin/tool2 /tool2
ENTRYPOINT ["/app"]
