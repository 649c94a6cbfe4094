FROM alpine:3.20
LABEL maintainer="a@example.com"
LABEL maintainer="b@example.com"