FROM alpine:3.20
MAINTAINER Jane Doe <jane@example.com>
  maintainer ops team
RUN apk add --no-cache curl
