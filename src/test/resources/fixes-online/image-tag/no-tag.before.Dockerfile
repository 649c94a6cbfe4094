FROM python
CMD ["python", "-m", "http.server"]
