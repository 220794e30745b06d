FROM node:22-slim
# want: DF035
ENTRYPOINT ["node"]
# want: DF035
CMD ["server.js"]
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["node", "server.js"]
USER node
