FROM golang:1.23 AS builder
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static:nonroot
# want: DF045
COPY --from=biulder /out/app /app
ENTRYPOINT ["/app"]
