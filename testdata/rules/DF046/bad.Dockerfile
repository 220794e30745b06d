# want: DF046
FROM base AS app
COPY . /app
FROM debian:12-slim AS base
RUN useradd -u 10001 app
USER app
