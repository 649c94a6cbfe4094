FROM eclipse-temurin:17-jdk-jammy
COPY app.jar /app.jar
USER 10001
HEALTHCHECK CMD ["java", "-version"]
CMD ["java", "-jar", "/app.jar"]