FROM node:20-slim
RUN yarn install --production --frozen-lockfile
