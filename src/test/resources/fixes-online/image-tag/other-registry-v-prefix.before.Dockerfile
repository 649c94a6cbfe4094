# v1.10.1 is newer than v1.2.0; v2.0.0-beta.1 is a pre-release.
FROM ghcr.io/acme/api
