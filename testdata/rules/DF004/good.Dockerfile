FROM ubuntu:24.04
# Installing a package named sudo, or mentioning sudo in a string, is not running it.
RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/* \
 && echo "sudo is available" > /etc/motd
USER root
RUN chown -R 1000 /srv
USER 1000
