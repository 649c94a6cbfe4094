FROM debian:12-slim
RUN wget --progress=dot:giga -O /tmp/x.tar.gz https://example.com/x.tar.gz
