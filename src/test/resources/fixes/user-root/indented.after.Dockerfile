FROM alpine:3.20
  RUN apk add --no-cache tini
  HEALTHCHECK CMD true
  USER 10001:10001
  ENTRYPOINT ["/sbin/tini", "--"]
