FROM debian:12-slim
# setgid on a shared directory only makes new files inherit the group.
RUN mkdir -p /data && chmod g+s /data && chmod 2775 /data
RUN chmod u-s /usr/bin/chfn && chmod 0755 /usr/local/bin/tool
USER 1000
