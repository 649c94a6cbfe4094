FROM debian:bookworm-20240513-slim
USER 10001
CMD ["/app/run"]
