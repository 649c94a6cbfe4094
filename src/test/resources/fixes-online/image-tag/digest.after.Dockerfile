FROM --platform=linux/amd64 docker.io/library/nginx:1.27.3@sha256:f6bd810360c381c81576b17c0e1e306dc005db5d537af3e65b854275c9f09b93
