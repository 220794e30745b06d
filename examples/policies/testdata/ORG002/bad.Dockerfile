# want: ORG002
FROM golang:1.22 AS build
RUN go build -o /app .

FROM registry.example.com/base/static:2026.11
COPY --from=build /app /app
USER 10001
