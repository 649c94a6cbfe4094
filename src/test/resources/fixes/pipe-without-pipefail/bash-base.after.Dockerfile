FROM python:3.12-slim
RUN apt-get update
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsSL https://example.com/get.sh | sh
