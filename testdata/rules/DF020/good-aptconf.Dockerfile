FROM debian:12-slim
# Assume-Yes set once in apt.conf.d covers every later apt-get.
RUN echo 'APT::Get::Assume-Yes "true";' > /etc/apt/apt.conf.d/90assumeyes
RUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER 1000
