# want: DF048
FROM --platform=linux/amd64 golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
FROM gcr.io/distroless/static:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
