FROM golang:1.23 AS build
RUN go build -o /app ./cmd/app
# want: DF043
FROM node:22 AS Build
RUN npm ci && npm run build
FROM gcr.io/distroless/static:nonroot
COPY --from=build /app /app
ENTRYPOINT ["/app"]
