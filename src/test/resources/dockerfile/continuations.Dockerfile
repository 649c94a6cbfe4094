FROM alpine:3.20
# the RUN below has a comment, a blank line and an indented comment inside it
RUN apk add --no-cache \
      curl \
# curl for the healthcheck
      ca-certificates \

    # tls roots
      tini
ENV A=one \
    B="two words" \
    C=3
ENV LEGACY value with spaces
LABEL description="a \
multi-line label"
ENV TRAILING=back\\
ENV AFTER=ok
USER nobody \
