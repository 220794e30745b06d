FROM golang:1.22 AS build
RUN go build -o /app .

# want: DF001
FROM debian:12-slim
COPY --from=build /app /app
ENTRYPOINT ["/app"]
