FROM node:20
COPY package.json package-lock.json /app/
COPY ["tsconfig.json", "src", "/app/build/"]
COPY a b "/opt/data/"
ARG DEST=/srv
COPY --chown=node:node a b $DEST/
