# The CMD of the base image is cleared by ENTRYPOINT, and the builder CMD never ships.
FROM node:22-slim AS build
CMD ["npm", "test"]
FROM node:22-slim
ENTRYPOINT exec /app/entrypoint.sh
