FROM python:3.12-slim
RUN pip3 install flask
