FROM debian:12-slim
RUN wget -O /tmp/x.tar.gz https://example.com/x.tar.gz
