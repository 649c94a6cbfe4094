package io.hullcheck.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.model.ImageRef;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.Options;
import io.hullcheck.rules.RuleContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules' decision tables and options, one case per line. */
class DockerfileRuleTablesTest {

  @ParameterizedTest(name = "{0} floating={1}")
  @CsvSource({
    "latest, true",
    "LATEST, true",
    "lts, true",
    "lts-alpine, true",
    "latest-dev, true",
    "slim-bookworm, true",
    "alpine, true",
    "3.12, false",
    "20-alpine, false",
    "lts-alpine3.19, false",
    "bookworm-slim, false",
    "stable-20240101, false",
    "1.27-alpine-slim, false",
  })
  void floatingTags(String tag, boolean floating) {
    assertEquals(floating, ImageTag.isFloating(tag, ImageTag.DEFAULT_FLOATING_TAGS));
  }

  @ParameterizedTest(name = "USER {0} root={1}")
  @CsvSource({
    "root, true",
    "0, true",
    "0:0, true",
    "00, true",
    "root:staff, true",
    "0:1000, true",
    "1000:0, false",
    "Root, false",
    "app, false",
    "10001:10001, false",
    "rootless, false",
  })
  void rootUsers(String user, boolean root) {
    assertEquals(root, UserRoot.isRoot(user));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "python:3.12, python:3.12-slim",
    "python:3.12.4-bookworm, python:3.12.4-slim-bookworm",
    "python:3, python:3-slim",
    "python:3.12-slim, ",
    "python:3.12-alpine, ",
    "python, advice",
    "node:lts, node:lts-slim",
    "node:20-bullseye, node:20-bullseye-slim",
    "ruby:3.3-bookworm, ruby:3.3-slim-bookworm",
    "debian:12, debian:12-slim",
    "debian:bookworm-slim, ",
    "eclipse-temurin:21, eclipse-temurin:21-jre",
    "eclipse-temurin:17-jdk-alpine, eclipse-temurin:17-jre-alpine",
    "eclipse-temurin:17.0.11_9-jdk-noble, eclipse-temurin:17.0.11_9-jre-noble",
    "eclipse-temurin:17-jre, ",
    "openjdk:11, eclipse-temurin:11-jre",
    "openjdk:11-jre-slim, advice",
    "golang:1.22, advice",
    "golang:1.22-alpine, ",
    "php:8.3-fpm, advice",
    "php:8.3-fpm-alpine, ",
    "ubuntu:24.04, ",
  })
  void slimVariants(String image, String expected) throws IOException {
    BaseImageTable table = BaseImageTable.of(DockerfileRuleFixturesTest.context().data());
    ImageRef ref = ImageRef.parse(image).orElseThrow();
    String actual =
        table
            .variant(ref)
            .flatMap(v -> BaseImageTable.suggest(v, ref.tag()))
            .map(s -> s.mechanical() ? s.image() + ":" + s.tag() : "advice")
            .orElse(null);
    assertEquals(expected, actual);
  }

  @ParameterizedTest(name = "{0} non-root={1}")
  @CsvSource({
    "gcr.io/distroless/static-debian12:nonroot, true",
    "gcr.io/distroless/base:debug-nonroot, true",
    "gcr.io/distroless/static-debian12, false",
    "cgr.dev/chainguard/node:latest, true",
    "cgr.dev/chainguard/wolfi-base:latest, false",
    "bitnami/nginx:1.27, true",
    "bitnami/minideb:bookworm, false",
    "nginx:1.27, false",
    "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled, true",
  })
  void nonRootImages(String image, boolean nonroot) throws IOException {
    BaseImageTable table = BaseImageTable.of(DockerfileRuleFixturesTest.context().data());
    assertEquals(nonroot, table.runsAsNonRoot(ImageRef.parse(image).orElseThrow()));
  }

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of(
            new UserRoot(),
            Map.of("user", "app"),
            "FROM alpine:3.20\nCMD [\"sh\"]\n",
            "FROM alpine:3.20\nUSER app\nCMD [\"sh\"]\n"),
        Arguments.of(
            new UserRoot(),
            Map.of("nonroot_images", List.of("mycorp/base-*")),
            "FROM mycorp/base-runtime:1.0\nCMD [\"app\"]\n",
            null),
        Arguments.of(
            new ImageTag(),
            Map.of("floating_tags", List.of("release")),
            "FROM mycorp/app:release\n",
            "finding"),
        Arguments.of(
            new ImageTag(),
            Map.of("floating_tags", List.of("release")),
            "FROM node:latest\n",
            null),
        Arguments.of(
            new SecretInBuildVariable(),
            Map.of("secret_name_patterns", List.of("DSN")),
            "FROM alpine:3.20\nENV SENTRY_DSN=https://k@o1.ingest.sentry.io/1\n",
            "finding"),
        Arguments.of(
            new SecretInBuildVariable(),
            Map.of("secret_name_patterns", List.of("DSN")),
            "FROM alpine:3.20\nENV DB_PASSWORD=x1\n",
            null),
        Arguments.of(
            new HealthcheckMissing(),
            Map.of(),
            "FROM alpine:3.20\nEXPOSE 6379\nCMD [\"redis-server\"]\n",
            "advice"),
        Arguments.of(
            new HealthcheckMissing(),
            Map.of("http_ports", List.of("6000-6999")),
            "FROM alpine:3.20\nEXPOSE 6379\nCMD [\"redis-server\"]\n",
            "FROM alpine:3.20\nEXPOSE 6379\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD"
                + " wget -q -O /dev/null http://127.0.0.1:6379/ || exit 1\nCMD [\"redis-server\"]\n"),
        Arguments.of(
            new HealthcheckMissing(),
            Map.of(),
            "FROM alpine:3.20\nEXPOSE 53/udp 8080\nCMD [\"app\"]\n",
            "FROM alpine:3.20\nEXPOSE 53/udp 8080\nHEALTHCHECK --interval=30s --timeout=3s --retries=3"
                + " CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1\nCMD [\"app\"]\n"),
        Arguments.of(
            new HealthcheckMissing(),
            Map.of(),
            // python:3.12's curl goes away with base-image-full's slim fix: no probe from it.
            "FROM python:3.12\nEXPOSE 8000\nCMD [\"python\", \"-m\", \"http.server\"]\n",
            "advice"),
        Arguments.of(
            new HealthcheckMissing(),
            Map.of(),
            "FROM golang:1.22\nEXPOSE 8080\nCMD [\"/app\"]\n",
            "FROM golang:1.22\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD"
                + " curl -fsS http://127.0.0.1:8080/ || exit 1\nCMD [\"/app\"]\n"),
        Arguments.of(
            new BaseImageFull(),
            Map.of(),
            "FROM openjdk:17\nRUN javac Main.java\nCMD [\"java\", \"Main\"]\n",
            "advice"));
  }

  /**
   * user-root on official images that start as root on purpose: no finding while the image's own
   * entrypoint steps down to its user, a finding without a fix when the stage bypasses it or the
   * server keeps a root master; "advice" marks a finding without a fix, null no finding.
   */
  static Stream<Arguments> userRootOnImagesThatStartAsRoot() {
    return Stream.of(
        Arguments.of("FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\n", null),
        Arguments.of(
            "FROM postgres:16\nCMD [\"postgres\", \"-c\", \"shared_buffers=256MB\"]\n", null),
        Arguments.of("FROM redis:7.4\nCMD [\"--appendonly\", \"yes\"]\n", null),
        Arguments.of("FROM mariadb:11\nCMD [\"mariadbd\"]\n", null),
        Arguments.of("FROM docker.io/library/mongo:7\n", null),
        Arguments.of("FROM postgres:16\nENTRYPOINT [\"/start.sh\"]\n", "advice"),
        Arguments.of("FROM postgres:16\nCMD postgres -c fsync=off\n", "advice"),
        Arguments.of("FROM redis:7.4\nCMD [\"/bin/app\"]\n", "advice"),
        Arguments.of("FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/nginx.conf\n", "advice"),
        Arguments.of("FROM httpd:2.4\nCOPY site/ /usr/local/apache2/htdocs/\n", "advice"),
        Arguments.of("FROM php:8.3-apache\nCOPY . /var/www/html\n", "advice"),
        Arguments.of("FROM php:8.3-cli\nCMD [\"php\", \"app.php\"]\n", "fix"),
        Arguments.of("FROM postgres:16\nUSER root\n", "fix"),
        Arguments.of("FROM mycorp/postgres:16\n", "fix"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void userRootOnImagesThatStartAsRoot(String text, String expected) throws IOException {
    Dockerfile df = DockerfileRuleFixturesTest.parse("Dockerfile", text);
    List<Finding> findings = new UserRoot().check(df, DockerfileRuleFixturesTest.context());
    if (expected == null) {
      assertEquals(List.of(), findings);
      return;
    }
    assertEquals(1, findings.size(), findings.toString());
    assertEquals(expected.equals("fix"), findings.get(0).fix() != null, findings.toString());
  }

  /**
   * A rule with options on one Dockerfile: {@code expected} is the fixed text, "finding" for a
   * finding without checking the fix, "advice" for a finding without a fix, or null for no finding.
   */
  @ParameterizedTest
  @MethodSource
  void options(DockerfileRule rule, Map<String, Object> options, String text, String expected)
      throws IOException {
    RuleContext context = DockerfileRuleFixturesTest.context().withOptions(new Options(options));
    Dockerfile df = DockerfileRuleFixturesTest.parse("Dockerfile", text);
    List<Finding> findings = rule.check(df, context);
    if (expected == null) {
      assertEquals(List.of(), findings);
    } else if (expected.equals("finding")) {
      assertEquals(1, findings.size());
    } else if (expected.equals("advice")) {
      assertEquals(1, findings.size());
      assertEquals(null, findings.get(0).fix());
    } else {
      assertEquals(1, findings.size());
      assertEquals(expected, new Fix("f", findings.get(0).fix().edits()).applyTo(text));
    }
  }

  static Stream<Arguments> cmdShellFormFixes() {
    return Stream.of(
        Arguments.of("CMD gunicorn app:app", "CMD [\"gunicorn\", \"app:app\"]"),
        Arguments.of("CMD exec gunicorn app:app", "CMD [\"gunicorn\", \"app:app\"]"),
        Arguments.of("CMD 'exec' app --name \"a b\"", "CMD [\"app\", \"--name\", \"a b\"]"),
        Arguments.of("CMD echo 'a\tb'", "CMD [\"echo\", \"a\\u0009b\"]"),
        Arguments.of("CMD true", "CMD [\"true\"]"),
        Arguments.of("ENTRYPOINT exec /app/run.sh", "ENTRYPOINT [\"/app/run.sh\"]"),
        Arguments.of("ENTRYPOINT /app/run.sh\nCMD []", "ENTRYPOINT [\"/app/run.sh\"]\nCMD []"),
        Arguments.of("CMD exec", null),
        // BuildKit reads a leading --word as a flag of CMD and refuses it; no guess at a fix.
        Arguments.of("CMD --port 8080", null),
        Arguments.of("ENTRYPOINT --verbose node server.js", null),
        Arguments.of("CMD exec -a web gunicorn", null),
        Arguments.of("CMD exec exec gunicorn", null),
        Arguments.of("CMD exec source env.sh", null),
        Arguments.of("CMD cd /app", null),
        Arguments.of("CMD . /env.sh", null),
        Arguments.of("CMD : noop", null),
        Arguments.of("CMD export A=b", null),
        Arguments.of("CMD set -e", null),
        Arguments.of("CMD eval run", null),
        Arguments.of("CMD trap '' TERM", null),
        Arguments.of("CMD ulimit -n 1024", null),
        Arguments.of("CMD umask 002", null),
        Arguments.of("CMD if true then run fi", null),
        Arguments.of("CMD for x in a b do run done", null),
        Arguments.of("CMD while true do run done", null),
        Arguments.of("CMD case a in", null),
        Arguments.of("CMD ! run", null),
        Arguments.of("CMD time run", null),
        Arguments.of("CMD { run; }", null),
        Arguments.of("CMD (run)", null),
        Arguments.of("CMD [[ -f a ]]", null),
        Arguments.of("CMD A=b run", null),
        Arguments.of("CMD run && other", null),
        Arguments.of("CMD run || other", null),
        Arguments.of("CMD run; other", null),
        Arguments.of("CMD run | tee log", null),
        Arguments.of("CMD run > log", null),
        Arguments.of("CMD run $PORT", null),
        Arguments.of("CMD run \"$PORT\"", null),
        Arguments.of("CMD run *.py", null),
        Arguments.of("CMD run ~/a", null),
        Arguments.of("CMD run a\\ b", null),
        Arguments.of("CMD run \"a", null),
        Arguments.of("CMD run `id`", null),
        Arguments.of("ENTRYPOINT /app/run.sh\nCMD [\"--serve\"]", null),
        Arguments.of("CMD [\"--serve\"]\nENTRYPOINT /app/run.sh", null),
        Arguments.of("ENTRYPOINT /app/run.sh\nCMD serve", null),
        Arguments.of("CMD [\"--serve\"]\nFROM base\nENTRYPOINT /app/run.sh", null));
  }

  /**
   * cmd-shell-form on {@code FROM alpine:3.20 AS base} then {@code body}: the fix of the first
   * finding gives {@code fixed}, or there is no fix when {@code fixed} is null (the message then
   * says why and what to do).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void cmdShellFormFixes(String body, String fixed) throws IOException {
    String prefix = "FROM alpine:3.20 AS base\n";
    String text = prefix + body + "\n";
    Dockerfile df = DockerfileRuleFixturesTest.parse("Dockerfile", text);
    List<Finding> findings = new CmdShellForm().check(df, DockerfileRuleFixturesTest.context());
    Finding finding = findings.get(0);
    if (fixed == null) {
      assertEquals(null, finding.fix(), finding.message());
    } else {
      assertEquals(prefix + fixed + "\n", new Fix("f", finding.fix().edits()).applyTo(text));
    }
  }
}
