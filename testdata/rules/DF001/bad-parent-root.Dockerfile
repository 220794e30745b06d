FROM debian:12-slim AS base
RUN useradd -u 10001 app
USER app
RUN echo as app
# want: DF001
USER root
FROM base
# The final stage inherits USER root from its parent stage and never resets it.
COPY app /app
CMD ["/app"]
