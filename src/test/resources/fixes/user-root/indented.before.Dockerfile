FROM alpine:3.20
  RUN apk add --no-cache tini
  HEALTHCHECK CMD true
  ENTRYPOINT ["/sbin/tini", "--"]
