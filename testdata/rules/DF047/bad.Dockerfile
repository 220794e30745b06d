# want: DF047
FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
# want: DF047
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
