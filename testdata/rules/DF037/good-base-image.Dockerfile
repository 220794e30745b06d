# A base image that runs nothing by itself.
FROM debian:12-slim
RUN useradd -u 10001 app
USER app
