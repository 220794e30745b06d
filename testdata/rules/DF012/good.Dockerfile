FROM node:22-slim
RUN npm config set cafile /etc/ssl/corp.pem && npm config set fund false && npm ci
RUN npm config set strict-ssl true
USER node
