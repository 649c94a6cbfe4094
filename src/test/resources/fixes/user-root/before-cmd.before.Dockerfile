FROM python:3.12-slim
WORKDIR /app
COPY . .
HEALTHCHECK CMD python -c "import sys; sys.exit(0)"
CMD ["python", "-m", "app"]
