FROM python:3.12-slim
RUN pip3 install --no-cache-dir flask
