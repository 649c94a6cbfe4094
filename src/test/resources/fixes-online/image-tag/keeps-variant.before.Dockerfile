FROM python:slim-bookworm AS build
RUN pip wheel --no-cache-dir -w /wheels flask

FROM nginx:alpine
COPY --from=build /wheels /wheels
