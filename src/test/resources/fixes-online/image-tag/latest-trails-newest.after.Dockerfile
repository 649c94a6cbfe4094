# ubuntu:latest is the LTS, 24.04, while 25.04 is newer: pin what latest runs today.
FROM ubuntu:24.04
