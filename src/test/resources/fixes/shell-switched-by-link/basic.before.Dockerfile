FROM ubuntu:24.04
RUN ln -sf /bin/bash /bin/sh
RUN echo hi
