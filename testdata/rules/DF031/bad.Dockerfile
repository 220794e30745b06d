FROM node:22-slim
WORKDIR /app
COPY package.json package-lock.json ./
# want: DF031
RUN npm install --omit=dev
COPY . .
# want: DF031
RUN yarn && yarn build
USER node
