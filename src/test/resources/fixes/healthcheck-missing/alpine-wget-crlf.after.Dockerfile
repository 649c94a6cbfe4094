ARG NODE_TAG=20-alpine
FROM node:${NODE_TAG}
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:3000/ || exit 1
ENTRYPOINT ["node", "server.js"]
