package io.hullcheck.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row: the .dockerignore lines (joined by {@code ;}), a path, and whether it is excluded. */
class DockerIgnoreTest {

  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".env|.env|true",
        ".env|app/.env|false",
        "**/.env|app/.env|true",
        "**/.env|.env|true",
        "*.pem|key.pem|true",
        "*.pem|certs/key.pem|false",
        "**/*.pem|certs/deep/key.pem|true",
        ".git|.git/config|true",
        "/.git|.git/HEAD|true",
        "./secrets|secrets/a.key|true",
        ".env*;!.env.example|.env.example|false",
        ".env*;!.env.example|.env.local|true",
        "!.env.example;.env*|.env.example|true",
        "# comment;  .env  |.env|true",
        "docs/**|docs/a/b.md|true",
        "docs/**|docsx/a.md|false",
        "id_rsa?|id_rsa1|true",
        "id_rsa?|id_rsa|false",
        "[ab].key|a.key|true",
        "[!ab].key|c.key|true",
        "[!ab].key|a.key|false",
        "config/../.npmrc|.npmrc|true",
        "*|anything/at/all|true",
        "*;!src|src/main.go|false",
        "|.env|false",
        // The examples of Docker's .dockerignore reference.
        "*/temp*|somedir/temporary.txt|true",
        "*/temp*|somedir/temp|true",
        "*/temp*|temp|false",
        "*/temp*|a/b/temp|false",
        "*/*/temp*|somedir/subdir/temporary.txt|true",
        "temp?|tempa|true",
        "temp?|temp|false",
        "**/*.go|a/b/c.go|true",
        "**/*.go|c.go|true",
        "*.md;!README*.md;README-secret.md|README.md|false",
        "*.md;!README*.md;README-secret.md|README-secret.md|true",
        "*.md;!README*.md;README-secret.md|notes.md|true",
        // An exception inside an excluded directory re-includes that file only.
        "secrets;!secrets/keep.txt|secrets/keep.txt|false",
        "secrets;!secrets/keep.txt|secrets/id_rsa|true",
        // A trailing slash is cleaned away; the directory and everything in it is excluded.
        "logs/|logs/app/today.log|true",
        "a/**/b|a/b|true",
        "a/**/b|a/x/y/b|true",
        "a/**/b|a/x/y/c|false",
        // "**" inside a segment stands for whole directories, never for part of a name.
        "a**b|ab|true",
        "a**b|a/x/y/b|true",
        "a**b|axb|false",
        "x/**|x/deep/file|true",
        "\\*.env|*.env|true",
        "\\*.env|x.env|false",
      })
  void matchesLikeDocker(String lines, String path, boolean excluded) {
    DockerIgnore ignore = DockerIgnore.parse(lines == null ? "" : lines.replace(';', '\n'));
    assertEquals(excluded, ignore.excludes(path));
  }
}
