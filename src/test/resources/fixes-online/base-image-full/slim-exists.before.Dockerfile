FROM python:3.12
USER 10001
CMD ["python", "-m", "http.server"]
