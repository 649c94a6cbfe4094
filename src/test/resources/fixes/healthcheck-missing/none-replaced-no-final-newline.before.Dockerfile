FROM nginx:1.27
USER nginx
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
HEALTHCHECK NONE