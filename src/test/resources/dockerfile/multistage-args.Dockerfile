# syntax=docker/dockerfile:1.7
# check=error=true

ARG GO_VERSION=1.22
ARG ALPINE=3.20
ARG TARGETOS
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE} AS build
ARG GO_VERSION
ENV CGO_ENABLED=0 GOFLAGS="-mod=vendor -trimpath"
WORKDIR /src
RUN --mount=type=cache,target=/root/.cache/go-build \
    --mount=type=bind,target=. \
    go build -o /out/app ./cmd/app

FROM build AS test
RUN go test ./...

from alpine:${ALPINE} as Runtime
COPY --from=build --chown=app:app --chmod=0755 /out/app /usr/local/bin/app
LABEL org.opencontainers.image.version=$GO_VERSION maintainer="Team <t@example.com>"
EXPOSE 8080/tcp
USER app:app
HEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-qO-", "http://localhost:8080/health"]
ENTRYPOINT ["/usr/local/bin/app"]
