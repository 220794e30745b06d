# want: DF047
FROM golang:1.23@sha256:4a0e3e6e1d2b8f6f0c5f1e2b7d9c3a8e5f6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1 AS build
RUN go build -o /out/app ./cmd/app

# The same image and tag pinned elsewhere in the file: the fix copies its digest above.
FROM golang:1.23@sha256:4a0e3e6e1d2b8f6f0c5f1e2b7d9c3a8e5f6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1 AS test
RUN go vet ./...

# want: DF047
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
