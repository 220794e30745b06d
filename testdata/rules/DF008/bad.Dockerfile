FROM debian:12-slim
RUN apt-get update \
 # want: DF008
 && apt-get install -y --no-install-recommends --allow-unauthenticated legacy-tool \
 && rm -rf /var/lib/apt/lists/*
# want: DF008
RUN echo "deb [trusted=yes] http://repo.example.com/debian stable main" > /etc/apt/sources.list.d/x.list
# want: DF008
RUN apt-get -o Acquire::https::Verify-Peer=false update && rm -rf /var/lib/apt/lists/*
USER 1000
