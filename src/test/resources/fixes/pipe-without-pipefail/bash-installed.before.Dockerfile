FROM alpine:3.20
RUN apk add --no-cache bash curl
RUN curl -fsSL https://example.com/x.tar.gz | tar -xz
