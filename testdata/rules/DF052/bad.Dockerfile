# want: DF052
FROM ghcr.io/someone/builder:1.0 AS build
RUN make

# want: DF052
FROM someone/alpine:3.20
# A look-alike host is not the trusted registry.
# want: DF052
FROM registry.example.com.evil.io/base/static:1
COPY --from=build /out /app
USER 10001
