FROM debian:12-slim
# want: DF022
RUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get clean
# want: DF022
RUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y --no-install-recommends git
USER 1000
