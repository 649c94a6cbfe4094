FROM ubuntu:24.04
RUN apt-get update \
 && sudo apt-get -q install \
      -y ca-certificates \
 && rm -rf /var/lib/apt/lists/*
