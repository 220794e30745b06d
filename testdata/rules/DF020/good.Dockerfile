FROM debian:12-slim
RUN apt-get update && apt-get -qy install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install --no-install-recommends git --assume-yes && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -qq install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
# Quiet level 2 implies -y however it is written.
RUN apt-get update && apt-get -q -q install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get --quiet --quiet install --no-install-recommends make && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get install -q --no-install-recommends make -q && rm -rf /var/lib/apt/lists/*
RUN apt-get update && apt-get -q=2 install --no-install-recommends make && apt-get --quiet=2 install --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
RUN apt-get update && yes | apt-get install --no-install-recommends jq && rm -rf /var/lib/apt/lists/*
RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends zip && sudo rm -rf /var/lib/apt/lists/*
# A simulated install (-s) changes nothing and asks nothing.
RUN apt-get update && if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo yes; fi && rm -rf /var/lib/apt/lists/*
USER 1000
