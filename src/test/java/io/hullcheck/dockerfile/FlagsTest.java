package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.at;
import static io.hullcheck.dockerfile.DockerfileTesting.last;
import static io.hullcheck.dockerfile.DockerfileTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Builder flags at the start of the arguments; unknown flags kept, never fatal. */
class FlagsTest {

  static Stream<Arguments> flags() {
    return Stream.of(
        // line (2nd of the file), flags as name=value (bare: name), remaining word values
        Arguments.of("COPY --from=build /a /b", "from=build", "/a|/b"),
        Arguments.of(
            "COPY --chown=1000:1000 --chmod=755 --link a b",
            "chown=1000:1000 chmod=755 link",
            "a|b"),
        Arguments.of(
            "COPY --parents --exclude=*.md --exclude=x a b",
            "parents exclude=*.md exclude=x",
            "a|b"),
        Arguments.of(
            "ADD --checksum=sha256:abc --keep-git-dir=true u /d",
            "checksum=sha256:abc keep-git-dir=true",
            "u|/d"),
        Arguments.of(
            "RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=x make",
            "mount=type=cache,target=/root/.cache mount=type=secret,id=x",
            "make"),
        Arguments.of(
            "RUN --network=none --security=insecure true",
            "network=none security=insecure",
            "true"),
        Arguments.of(
            "FROM --platform=$BUILDPLATFORM golang:1.22 AS b",
            "platform=$BUILDPLATFORM",
            "golang:1.22|AS|b"),
        Arguments.of(
            "HEALTHCHECK --interval=30s --timeout=3s CMD true",
            "interval=30s timeout=3s",
            "CMD|true"),
        Arguments.of("COPY --Weird-Flag=\"a b\" x y", "weird-flag=a b", "x|y"),
        Arguments.of("COPY --doit=true -- foo /tmp/", "doit=true", "foo|/tmp/"),
        Arguments.of("COPY -- --notaflag /tmp/", "", "--notaflag|/tmp/"),
        Arguments.of("COPY a --notaflag /tmp/", "", "a|--notaflag|/tmp/"),
        Arguments.of("CMD --doit [ \"a\", \"b\" ]", "doit", "a|b"),
        Arguments.of(
            "RUN --mount=type=bind,source=x \\\n  --mount=type=cache,target=/c make",
            "mount=type=bind,source=x mount=type=cache,target=/c",
            "make"),
        Arguments.of("COPY --chmod= a b", "chmod=", "a|b"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("flags")
  void readsFlags(String line, String expectedFlags, String words) {
    Instruction ins = last("FROM scratch\n" + line + "\n");
    String got =
        ins.flags().stream()
            .map(f -> f.value() == null ? f.name() : f.name() + "=" + f.value())
            .collect(Collectors.joining(" "));
    assertEquals(expectedFlags, got);
    assertEquals(words, values(ins.args()));
  }

  static Stream<Arguments> flagSpans() {
    return Stream.of(
        // line, index, flag span, value span (or null)
        Arguments.of("COPY --from=build /a /b", 0, "2:6-2:18", "2:13-2:18"),
        Arguments.of("COPY --link --chmod=644 a b", 0, "2:6-2:12", null),
        Arguments.of("COPY --link --chmod=644 a b", 1, "2:13-2:24", "2:21-2:24"),
        Arguments.of("COPY --chown=\"a b\" x y", 0, "2:6-2:19", "2:14-2:19"),
        Arguments.of("RUN --mount=a \\\n    --network=host x", 1, "3:5-3:19", "3:15-3:19"));
  }

  @ParameterizedTest(name = "{0} #{1}")
  @MethodSource("flagSpans")
  void flagsKeepExactSpans(String line, int index, String span, String valueSpan) {
    Flag f = last("FROM scratch\n" + line + "\n").flags().get(index);
    assertEquals(span, at(f.span()));
    assertEquals(valueSpan, f.valueSpan() == null ? null : at(f.valueSpan()));
  }
}
