package io.hullcheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.InputFile;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.testing.TestPolicy;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The false alarms and misses that users of the peer tools complain about most (section 4 of the
 * team's study of hadolint, Trivy, KICS, Checkov and dclint), each as a file checked with every
 * rule on. Each row says which findings must appear, at which line, and which rules must stay
 * silent; every row also must read without a parse problem. A row that only lists silent rules
 * proves nothing on its own, so most complaints have a twin that must fire, showing the rule is
 * alive on the same construct.
 */
class PeerComplaintsTest {
  private static final Engine ENGINE = new Engine(Registry.all());
  private static final TestPolicy ALL =
      TestPolicy.only(Registry.all().stream().map(r -> r.meta().id()).toArray(String[]::new));

  static Stream<Arguments> complaints() {
    return Stream.of(
        // 1. Heredocs: an instruction or a comment right after the terminator, the body is shell.
        row(
            "heredoc body is read as shell, the USER after it still counts",
            "Dockerfile",
            "FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n# done\nUSER 10001:10001\n",
            List.of("apk-no-cache@3"),
            List.of("user-root")),
        row(
            "heredoc data is not a command",
            "Dockerfile",
            "FROM alpine:3.20\nRUN cat <<EOF > /etc/motd\napk add curl\nEOF\nUSER 10001\n",
            List.of(),
            List.of("apk-no-cache", "user-root")),
        // 2. The escape directive.
        row(
            "backtick escape continues the RUN",
            "Dockerfile",
            "# escape=`\nFROM alpine:3.20\nRUN apk add `\n    curl\nUSER 10001\n",
            List.of("apk-no-cache@3"),
            List.of("user-root")),
        // 3. ARG in FROM: resolved from its default, silent when it has none.
        row(
            "FROM an ARG with a pinned default",
            "Dockerfile",
            "ARG BASE=python:3.12-slim\nFROM ${BASE}\nUSER 10001\n",
            List.of(),
            List.of("image-tag", "untrusted-registry", "base-image-full")),
        row(
            "FROM an ARG without a default is unknown, not untagged",
            "Dockerfile",
            "ARG BASE\nFROM $BASE\nUSER 10001\n",
            List.of(),
            List.of("image-tag", "untrusted-registry")),
        row(
            "FROM an ARG whose default floats",
            "Dockerfile",
            "ARG TAG=latest\nFROM node:$TAG\nUSER 10001\n",
            List.of("image-tag@2"),
            List.of()),
        // 4. --platform with the build platform variables, quoted or braced.
        row(
            "--platform from BUILDPLATFORM in any spelling",
            "Dockerfile",
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS a\n"
                + "FROM --platform=\"${BUILDPLATFORM}\" golang:1.22 AS b\n"
                + "FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n"
                + "USER 10001\n",
            List.of(),
            List.of("platform-hardcoded", "image-tag")),
        row(
            "--platform written out",
            "Dockerfile",
            "FROM --platform=linux/amd64 alpine:3.20\nUSER 10001\n",
            List.of("platform-hardcoded@1"),
            List.of()),
        // 5. Multi-stage: builder stages and stage aliases.
        row(
            "root in a builder stage, a stage alias in FROM, a non-root base",
            "Dockerfile",
            "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build AS test\n"
                + "RUN go test ./...\nFROM gcr.io/distroless/static:nonroot\n"
                + "COPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n",
            List.of(),
            List.of("user-root", "image-tag", "copy-from-undefined-stage")),
        row(
            "root in the final stage after a non-root builder",
            "Dockerfile",
            "FROM golang:1.22 AS build\nUSER 10001\nFROM alpine:3.20\nCMD [\"sh\"]\n",
            List.of("user-root@3"),
            List.of()),
        // 6. Missing-instruction findings on images that are tools, not services.
        row(
            "an image that only starts a shell is a tool, not a service",
            "Dockerfile",
            "FROM alpine:3.20\nRUN apk add --no-cache jq\nUSER 10001\nCMD [\"sh\"]\n",
            List.of(),
            List.of("healthcheck-missing")),
        row(
            "a one-shot tool image is silenced for the whole file, with its reason",
            "Dockerfile",
            "# hullcheck ignore-file=healthcheck-missing -- a CLI that exits, nothing to probe\n"
                + "FROM alpine:3.20\nRUN apk add --no-cache jq\nUSER 10001\n"
                + "ENTRYPOINT [\"jq\"]\n",
            List.of(),
            List.of("healthcheck-missing")),
        row(
            "a service image without a health check",
            "Dockerfile",
            "FROM alpine:3.20\nUSER 10001\nEXPOSE 8080\nENTRYPOINT [\"/server\"]\n",
            List.of("healthcheck-missing@1"),
            List.of()),
        // 7. Version pinning (off by default): only registry packages named outright count.
        row(
            "local .deb files, packages in a variable, apk -X with a pin",
            "Dockerfile",
            "FROM debian:12-slim\nARG PKGS\n"
                + "RUN apt-get install -y --no-install-recommends ./tool.deb $PKGS\n"
                + "FROM alpine:3.20\n"
                + "RUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing"
                + " jq=1.7.1-r0\nUSER 10001\n",
            List.of(),
            List.of("os-package-unpinned")),
        row(
            "a package from a target release without a version",
            "Dockerfile",
            "FROM debian:12-slim\n"
                + "RUN apt-get install -y --no-install-recommends -t bookworm-backports curl\n"
                + "USER 10001\n",
            List.of("os-package-unpinned@2"),
            List.of()),
        // 8. Substrings are not commands; ordinary variables are not secrets.
        row(
            "update-ca-trust and quoted text are not apt-get update",
            "Dockerfile",
            "FROM fedora:40\nRUN update-ca-trust && echo \"apt-get update\"\nUSER 10001\n",
            List.of(),
            List.of("update-alone", "apt-instead-of-apt-get")),
        row(
            "apt-get update alone",
            "Dockerfile",
            "FROM debian:12-slim\nRUN apt-get update\nUSER 10001\n",
            List.of("update-alone@2"),
            List.of()),
        row(
            "names that mention a secret but hold none",
            "Dockerfile",
            "FROM alpine:3.20\nENV TOKEN_URL=https://auth.example.com/token \\\n"
                + "    PASSWORD_FILE=/run/secrets/db \\\n"
                + "    GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nUSER 10001\n",
            List.of(),
            List.of("secret-in-build-variable", "secret-literal")),
        row(
            "a build argument named as a token and read by a RUN",
            "Dockerfile",
            "FROM node:22-slim\nARG NPM_TOKEN\nRUN npm ci\nUSER 10001\n",
            List.of("secret-in-build-variable@2"),
            List.of()),
        // 9. Anchors and merge keys: resolved first, reported where the value is written.
        row(
            "merge keys, single and list",
            "compose.yaml",
            "x-a: &a\n  image: nginx:1.27\nx-b: &b\n  restart: unless-stopped\nservices:\n"
                + "  web:\n    <<: [*a, *b]\n    ports:\n      - \"127.0.0.1:8080:80\"\n"
                + "  api:\n    <<: *a\n",
            List.of(),
            List.of("compose-image-tag", "port-all-interfaces")),
        row(
            "a bad value in an anchor is reported where it is written",
            "compose.yaml",
            "x-a: &a\n  image: nginx:1.27\n  privileged: true\nservices:\n  web:\n    <<: *a\n",
            List.of("privileged@3"),
            List.of()),
        // 10. Interpolation: unknown values are not findings, defaults are applied.
        row(
            "ports and tags from variables",
            "compose.yaml",
            "services:\n  web:\n    image: nginx:${TAG}\n    ports:\n"
                + "      - \"$HOST:$PORT:1025\"\n",
            List.of(),
            List.of("compose-image-tag", "port-all-interfaces")),
        row(
            "a default that floats",
            "compose.yaml",
            "services:\n  web:\n    image: nginx:${TAG:-latest}\n",
            List.of("compose-image-tag@3"),
            List.of()));
  }

  private static Arguments row(
      String complaint, String path, String text, List<String> fires, List<String> silent) {
    return Arguments.of(complaint, path, text, fires, silent);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("complaints")
  void answersTheComplaint(
      String complaint, String path, String text, List<String> fires, List<String> silent) {
    FileKind kind = path.endsWith(".yaml") ? FileKind.COMPOSE : FileKind.DOCKERFILE;
    ScanResult result = ENGINE.check(List.of(new InputFile(new SourceFile(path, text), kind)), ALL);
    assertEquals(List.of(), result.problems(), "the file must read without problems");
    List<String> found =
        result.active().stream().map(f -> f.ruleId() + "@" + f.span().startLine()).toList();
    for (String want : fires) {
      assertTrue(found.contains(want), "expected " + want + ", found " + found);
    }
    for (String rule : silent) {
      assertTrue(
          found.stream().noneMatch(f -> f.startsWith(rule + "@")),
          rule + " must stay silent, found " + found);
    }
  }
}
