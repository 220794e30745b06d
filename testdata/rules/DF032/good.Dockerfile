FROM node:22-slim
WORKDIR /app
COPY --chown=node --chmod=755 scripts/ /app/scripts/
RUN chmod 1777 /tmp/shared && chmod +w /app && chmod g+w /app && chmod 775 /app
RUN chmod a+rwxt /scratch
USER node
