FROM node:22-slim
USER node
# want: DF041
ENTRYPOINT node /app/server.js
