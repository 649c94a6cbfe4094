FROM debian:bookworm-20240513
USER 10001
CMD ["/app/run"]
