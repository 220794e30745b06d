FROM golang:1.23 AS build
RUN go build -o /app ./cmd/app
# want: DF037
FROM gcr.io/distroless/static:nonroot
COPY --from=build /app /app
EXPOSE 8080
ENTRYPOINT ["/app"]
