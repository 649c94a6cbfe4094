FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY app /usr/local/bin/app
USER 10001:10001