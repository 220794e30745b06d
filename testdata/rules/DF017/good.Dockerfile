ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-slim
ARG TOKEN
ARG GITHUB_TOKEN
ARG API_KEY=""
ARG DB_PASSWORD_FILE=/run/secrets/db
RUN --mount=type=secret,id=token,env=TOKEN ./fetch.sh
USER node
