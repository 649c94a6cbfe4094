FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
EOF
# a comment right after a terminator
RUN <<-"SCRIPT" bash -s && cat <<NOTE > /etc/note
	echo "$HOME is not expanded"
	SCRIPT
built on $(date)
NOTE
COPY <<conf.ini <<'other.txt' /etc/app/
[app]
port=1
conf.ini
literal $X
other.txt
RUN python3 \
    --version && python3 \
    <<PY
print("continued line opener")
PY
ONBUILD RUN <<X
echo from onbuild
X
CMD ["echo", "<<NOT"]
