# Root in the builder stage and a temporary switch to root are fine: the
# final stage ends as an unprivileged user.
FROM golang:1.22 AS build
USER root
RUN go build -o /app .

FROM debian:12-slim
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
USER 10001:10001
COPY --from=build /app /app
ENTRYPOINT ["/app"]
