# syntax=docker/dockerfile:1-labs
FROM debian:12-slim
RUN --security=sandbox --network=none echo "--security=insecure is only text here"
USER 1000
