FROM nginx:latest
COPY site /usr/share/nginx/html
