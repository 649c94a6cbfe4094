FROM node:20 AS build
CMD ["npm", "test"]

FROM node:20-slim
CMD ["node", "server.js"]
ENV PORT=8080
CMD node server.js \
    --port 8080
CMD ["node", "server.js", "--port", "8080"]
