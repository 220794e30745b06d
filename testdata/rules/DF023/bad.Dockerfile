FROM debian:12-slim
# want: DF023
RUN apt-get update && apt-get -y dist-upgrade && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
 # want: DF023
 && apt-get upgrade -y \
 && rm -rf /var/lib/apt/lists/*
USER 1000
