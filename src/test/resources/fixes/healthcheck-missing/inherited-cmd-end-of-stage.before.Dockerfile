FROM python:3.12-alpine AS base
RUN pip install --no-cache-dir flask
EXPOSE 5000
CMD ["flask", "run", "--host=0.0.0.0"]

FROM base
COPY app.py /app.py
USER 10001
