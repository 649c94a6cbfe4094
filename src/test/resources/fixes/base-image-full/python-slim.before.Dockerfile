FROM python:3.12
USER 10001
HEALTHCHECK CMD python -c "print(1)"
CMD ["python", "-m", "http.server"]
