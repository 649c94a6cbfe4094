# syntax=docker/dockerfile:1
# The image of Hullcheck itself: `docker build -t hullcheck .`, then `docker run -p 8080:8080 hullcheck`
# for the App (settings from environment variables, see README.md) or
# `docker run --rm -v "$PWD:/src:ro" hullcheck scan /src` for the command line.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so editing sources does not download them again.
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY policies ./policies
RUN mvn -B -q -DskipTests package

# hullcheck ignore=image-scan-missing -- this repository has no CI workflows yet; add a scan when it gets one
FROM eclipse-temurin:17.0.15_6-jre
WORKDIR /app
COPY --from=build /src/target/hullcheck.jar /app/hullcheck.jar
# A fixed numeric user, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["java", "-jar", "/app/hullcheck.jar", "healthcheck"]
ENTRYPOINT ["java", "-jar", "/app/hullcheck.jar"]
CMD ["serve"]
