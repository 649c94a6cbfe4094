FROM python:3.12-slim
RUN apt-get update
RUN curl -fsSL https://example.com/get.sh | sh
