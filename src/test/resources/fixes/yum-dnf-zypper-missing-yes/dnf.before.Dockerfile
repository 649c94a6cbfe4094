FROM fedora:40
RUN dnf install \
      gcc && dnf clean all
