FROM debian:bookworm-slim
RUN sudo apt upgrade -y
