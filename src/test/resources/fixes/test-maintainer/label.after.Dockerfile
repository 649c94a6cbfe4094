FROM alpine:3.20
LABEL maintainer="someone@example.com"
CMD ["true"]
