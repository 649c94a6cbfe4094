FROM python:3.13.1-slim-bookworm AS build
RUN pip wheel --no-cache-dir -w /wheels flask

FROM nginx:1.27.3-alpine
COPY --from=build /wheels /wheels
