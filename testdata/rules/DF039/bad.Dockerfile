FROM debian:12-slim
RUN mkdir -p /src \
    # want: DF039
 && cd /src \
 && make \
 && cd .. && rm -rf /src
USER 1000
