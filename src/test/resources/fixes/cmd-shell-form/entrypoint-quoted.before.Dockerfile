FROM alpine:3.20
ENTRYPOINT /usr/local/bin/app  --config "/etc/app/app config.yml"
