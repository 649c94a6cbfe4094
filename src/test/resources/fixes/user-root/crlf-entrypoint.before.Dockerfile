FROM golang:1.22 AS build
RUN go build -o /app .

FROM debian:bookworm-slim
COPY --from=build /app /usr/local/bin/app
HEALTHCHECK CMD ["/usr/local/bin/app", "-health"]
ENTRYPOINT ["/usr/local/bin/app"]
CMD ["serve"]
