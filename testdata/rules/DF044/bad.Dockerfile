FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app
# want: DF044
COPY --from=build /out/app /usr/local/bin/app
USER 1000
