# want: DF017
ARG NPM_TOKEN=npm_AbCdEf0123456789AbCdEf0123456789
FROM node:22-slim
# want: DF017
ARG GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
USER node
# want: DF017
ARG DB_PASSWORD=MySecureRootDatabasePassword
