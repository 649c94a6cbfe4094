FROM alpine:3.20
RUN apk add --no-cache bash curl
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/x.tar.gz | tar -xz
