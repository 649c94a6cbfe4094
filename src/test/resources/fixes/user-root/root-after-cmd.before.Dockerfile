FROM ubuntu:24.04
HEALTHCHECK CMD true
CMD ["bash"]
USER root
