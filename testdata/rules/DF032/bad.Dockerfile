FROM node:22-slim
WORKDIR /app
# want: DF032
COPY --chown=node --chmod=777 scripts/ /app/scripts/
# want: DF032
RUN chmod -R 777 /app
RUN mkdir -p /data \
    # want: DF032
 && chmod a+rwx /data
# want: DF032
RUN mkdir -m 0666 /var/spool/app
USER node
