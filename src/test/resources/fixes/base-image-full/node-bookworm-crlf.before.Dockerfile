FROM node:20.11.1-bookworm AS app
USER node
HEALTHCHECK CMD node -e "process.exit(0)"
CMD ["node", "server.js"]
