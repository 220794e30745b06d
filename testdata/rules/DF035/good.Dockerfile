FROM node:22-slim AS test
CMD ["npm", "test"]
FROM node:22-slim
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["node", "server.js"]
USER node
