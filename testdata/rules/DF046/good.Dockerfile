FROM debian:12-slim AS base
RUN useradd -u 10001 app
FROM base AS app
COPY . /app
USER app
