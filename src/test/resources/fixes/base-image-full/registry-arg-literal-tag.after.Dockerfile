ARG REGISTRY=docker.io/library/
FROM ${REGISTRY}ruby:3.3-slim-bookworm
USER 10001
HEALTHCHECK CMD ["ruby", "-e", "exit 0"]
CMD ["ruby", "app.rb"]
