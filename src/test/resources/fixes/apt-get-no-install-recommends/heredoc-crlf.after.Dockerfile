FROM debian:bookworm
RUN <<EOF
apt-get update
apt-get install --no-install-recommends -y git
rm -rf /var/lib/apt/lists/*
EOF
