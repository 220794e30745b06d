FROM node:22-slim
# want: DF012
RUN npm config set strict-ssl false && npm ci
# want: DF012
RUN yarn config set strict-ssl false -g
# want: DF012
RUN npm install --strict-ssl=false --omit=dev
USER node
