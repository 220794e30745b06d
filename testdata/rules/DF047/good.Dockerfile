FROM golang:1.23@sha256:2e8b1b2c8bd9aa4f0b7c3f26ac3f9b5b0e4d5c6e7f8091a2b3c4d5e6f7081920 AS build
RUN go build -o /out/app ./cmd/app
FROM build AS test
RUN go test ./...
FROM scratch
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
