FROM debian:12-slim AS base
RUN useradd --uid 10001 app
USER app

# USER is inherited from the base stage.
FROM base
CMD ["/bin/true"]
