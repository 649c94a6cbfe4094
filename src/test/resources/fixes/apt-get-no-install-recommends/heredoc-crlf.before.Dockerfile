FROM debian:bookworm
RUN <<EOF
apt-get update
apt-get install -y git
rm -rf /var/lib/apt/lists/*
EOF
