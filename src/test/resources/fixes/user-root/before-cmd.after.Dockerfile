FROM python:3.12-slim
WORKDIR /app
COPY . .
HEALTHCHECK CMD python -c "import sys; sys.exit(0)"
USER 10001:10001
CMD ["python", "-m", "app"]
