FROM debian:12-slim
RUN groupadd -g 123456 app && useradd -u 123456 -g app -m app
