FROM golang:1.23 AS build-go
RUN go build -o /app ./cmd/app
FROM node:22 AS build-web
RUN npm ci && npm run build
FROM gcr.io/distroless/static:nonroot
COPY --from=build-go /app /app
ENTRYPOINT ["/app"]
