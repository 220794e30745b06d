FROM python:3.12-slim AS base
WORKDIR /srv
FROM base
# Relative to the absolute WORKDIR set above.
WORKDIR app
WORKDIR $HOME/work
USER 1000
