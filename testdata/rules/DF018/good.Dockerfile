FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
# Templates, certificates and public keys are not secrets.
COPY .env.example /app/.env
COPY certs/cert.pem certs/ca.pem certs/fullchain.pem /etc/ssl/certs/
COPY deploy/id_ed25519.pub /home/node/.ssh/authorized_keys
COPY nginx_signing.key /tmp/
COPY environment.ts keyboard.js /app/
USER node
