FROM python:3.12-slim
ADD requirements.txt /app/
add --chown=10001 app.py /app/
