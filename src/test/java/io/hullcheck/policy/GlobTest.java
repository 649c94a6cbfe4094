package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The glob semantics that docs/configuration.md promises, one row per promise. */
class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # a pattern without / matches a name at any depth
          Dockerfile              | Dockerfile                     | true
          Dockerfile              | services/api/Dockerfile        | true
          Dockerfile              | services/api/Dockerfile.dev    | false
          Dockerfile*             | services/api/Dockerfile.dev    | true
          *.yml                   | deploy/compose.yml             | true
          # ... and a directory name, which takes everything under it
          vendor                  | vendor/lib/Dockerfile          | true
          vendor                  | src/vendor/Dockerfile          | true
          vendored                | vendor/Dockerfile              | false
          # * stays within one segment
          services/*/Dockerfile   | services/api/Dockerfile        | true
          services/*/Dockerfile   | services/api/v2/Dockerfile     | false
          services/*              | services/api/Dockerfile        | true
          # ** spans zero or more segments
          services/**/Dockerfile  | services/Dockerfile            | true
          services/**/Dockerfile  | services/a/b/c/Dockerfile      | true
          **/compose.yml          | compose.yml                    | true
          **/compose.yml          | a/b/compose.yml                | true
          legacy/**               | legacy/old/Dockerfile          | true
          legacy/**               | legacy2/Dockerfile             | false
          # a pattern with / is anchored at the root; a leading / changes nothing
          services/api            | services/api/Dockerfile        | true
          services/api            | x/services/api/Dockerfile      | false
          /services/api           | services/api/Dockerfile        | true
          services/               | services/api/Dockerfile        | true
          # ? is one character; {a,b} is either; matching is case-sensitive
          compose.y?ml            | compose.yaml                   | true
          compose.y?ml            | compose.yml                    | false
          compose.{yml,yaml}      | x/compose.yml                  | true
          compose.{yml,yaml}      | x/compose.json                 | false
          dockerfile              | Dockerfile                     | false
          # ./ in front of a path is ignored
          Dockerfile              | ./Dockerfile                   | true
          """)
  void matches(String pattern, String path, boolean expected) {
    assertEquals(expected, Glob.compile(pattern).matches(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a**/b", "a/**b", "{a,b", "a}"})
  void rejectsBadPatterns(String pattern) {
    assertThrows(IllegalArgumentException.class, () -> Glob.compile(pattern));
  }
}
