FROM node:22-slim
WORKDIR /app
# want: DF018
COPY package.json package-lock.json .npmrc ./
RUN npm ci && rm -f .npmrc
# want: DF018
COPY .env /app/.env
# want: DF018
COPY deploy/id_ed25519 /root/.ssh/
# want: DF018
ADD --chown=node certs/server.key /etc/ssl/private/
# want: DF018
COPY ci/deploy-key /root/.ssh/id_rsa
USER node
