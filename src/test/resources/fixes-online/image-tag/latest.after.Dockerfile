FROM nginx:1.27.3
COPY site /usr/share/nginx/html
