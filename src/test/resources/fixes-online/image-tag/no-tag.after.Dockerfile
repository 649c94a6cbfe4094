FROM python:3.13.1
CMD ["python", "-m", "http.server"]
