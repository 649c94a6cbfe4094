ARG NODE_TAG=20-alpine
FROM node:${NODE_TAG}
USER node
EXPOSE 3000
ENTRYPOINT ["node", "server.js"]
