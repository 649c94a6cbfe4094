FROM --platform=linux/amd64 docker.io/library/nginx:latest
