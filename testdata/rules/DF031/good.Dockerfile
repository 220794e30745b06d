FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
RUN npm install -g pm2@5.4.2
RUN yarn install --frozen-lockfile && yarn build
RUN pnpm install --frozen-lockfile
USER node
