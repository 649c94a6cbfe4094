FROM python:3.12-slim
COPY requirements.txt /app/
copy --chown=10001 app.py /app/
