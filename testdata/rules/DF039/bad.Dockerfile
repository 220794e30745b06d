FROM node:22-slim
COPY . /app
# want: DF039
RUN cd /app && npm ci --omit=dev
RUN mkdir -p /srv/data \
    # want: DF039
 && cd /srv/data \
 && touch ready
USER node
