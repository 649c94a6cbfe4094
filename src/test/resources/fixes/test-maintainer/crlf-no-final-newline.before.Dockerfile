FROM alpine:3.20
MAINTAINER a@example.com
MAINTAINER b@example.com