FROM debian:bookworm-slim
RUN sudo apt-get upgrade -y
