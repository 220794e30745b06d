FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
COPY --from=0 /out/app /app2
ENTRYPOINT ["/app"]
