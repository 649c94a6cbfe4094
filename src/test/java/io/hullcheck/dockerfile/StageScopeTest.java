package io.hullcheck.dockerfile;

import static io.hullcheck.dockerfile.DockerfileTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Stages, aliases, FROM an earlier stage, global ARGs and BuildKit's variable scope. */
class StageScopeTest {

  private static final String UNKNOWN = "<unknown>";

  static Stream<Arguments> resolvedImages() {
    return Stream.of(
        // file, stage index, resolved image (or <unknown>)
        Arguments.of("FROM python:3.12\n", 0, "python:3.12"),
        Arguments.of("ARG V=3.12\nFROM python:$V\n", 0, "python:3.12"),
        Arguments.of("ARG V=3.12\nFROM python:${V}-slim\n", 0, "python:3.12-slim"),
        Arguments.of("ARG V\nFROM python:${V}\n", 0, UNKNOWN),
        Arguments.of("ARG V\nFROM python:${V:-3}\n", 0, UNKNOWN),
        Arguments.of("ARG V=\nFROM python:${V:-3}\n", 0, "python:3"),
        Arguments.of("ARG V=\nFROM python:${V-3}\n", 0, "python:"),
        Arguments.of("FROM python:${UNDECLARED:-3}\n", 0, "python:3"),
        Arguments.of("FROM python${UNDECLARED}\n", 0, "python"),
        Arguments.of("ARG V=x\nFROM python:${V:+3}\n", 0, "python:3"),
        Arguments.of("ARG V=\nFROM python:${V:+3}\n", 0, "python:"),
        Arguments.of("ARG V=\nFROM python:${V+3}\n", 0, "python:3"),
        Arguments.of("FROM --platform=$BUILDPLATFORM golang:${TARGETARCH}\n", 0, UNKNOWN),
        Arguments.of("ARG A=1 B=2\nARG C=${A}.${B}\nFROM img:$C\n", 0, "img:1.2"),
        // a FROM sees only global ARGs, never a stage's ARG or ENV
        Arguments.of("FROM a\nARG T=1\nENV T=2\nFROM b:${T}\n", 1, "b:"),
        Arguments.of("ARG T=9\nFROM a\nARG T=1\nFROM b:${T}\n", 1, "b:9"),
        Arguments.of("ARG IMG=\"python:3\"\nFROM $IMG\n", 0, "python:3"),
        Arguments.of("FROM img:\\$V\n", 0, "img:$V"),
        Arguments.of("# escape=`\nFROM img:`$V\n", 0, "img:$V"),
        Arguments.of("ARG V=1\nFROM img:${V#x}\n", 0, UNKNOWN));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("resolvedImages")
  void resolvesBaseImages(String file, int stage, String expected) {
    Stage s = parse(file).stages().get(stage);
    assertEquals(expected, s.resolvedImage().orElse(UNKNOWN));
  }

  static Stream<Arguments> variables() {
    return Stream.of(
        // file, instruction index, text to expand there, expected (or <unknown>)
        Arguments.of("FROM a\nENV X=1\nRUN x\n", 2, "$X", "1"),
        Arguments.of("FROM a\nENV X=1 Y=$X\nRUN x\n", 2, "$Y", UNKNOWN),
        Arguments.of("FROM a\nENV X=1\nENV Y=$X-2\nRUN x\n", 3, "$Y", "1-2"),
        Arguments.of("FROM a\nENV X 1 2\nRUN x\n", 2, "${X}", "1 2"),
        Arguments.of("FROM a\nENV X=\"a b\" Y='$X'\nRUN x\n", 2, "$X/$Y", "a b/$X"),
        Arguments.of("FROM a\nRUN x\nENV X=1\n", 1, "$X", UNKNOWN),
        Arguments.of("FROM a\nRUN x\n", 1, "$HOME", UNKNOWN),
        Arguments.of("FROM scratch\nRUN x\n", 1, "[$HOME]", "[]"),
        Arguments.of("ARG V=7\nFROM a\nARG V\nRUN x\n", 3, "$V", "7"),
        Arguments.of("ARG V=7\nFROM a\nRUN x\n", 2, "$V", UNKNOWN),
        Arguments.of("ARG V\nFROM a\nARG V\nRUN x\n", 3, "$V", UNKNOWN),
        Arguments.of("FROM a\nARG V=1\nRUN x\n", 2, "$V", "1"),
        Arguments.of("FROM a\nARG V\nRUN x\n", 2, "${V:-d}", UNKNOWN),
        Arguments.of("FROM a\nARG V=3\nENV V=4\nRUN x\n", 3, "$V", "4"),
        Arguments.of("FROM a\nENV V=4\nARG V=3\nRUN x\n", 3, "$V", "4"),
        Arguments.of("FROM a AS base\nENV P=/opt\nFROM base\nRUN x\n", 3, "$P/bin", "/opt/bin"),
        Arguments.of("FROM a\nENV U=x\nRUN x\n", 2, "'$U' \"$U\" \\$U", "$U x $U"),
        Arguments.of("FROM a\nENV U=x\nRUN x\n", 2, "${U:?required}", "x"),
        Arguments.of("FROM scratch\nRUN x\n", 1, "${U:?required}", UNKNOWN),
        Arguments.of("FROM scratch\nRUN x\n", 1, "${U:-${W:-deep}}", "deep"),
        Arguments.of("FROM a\nENV U=x\nRUN x\n", 2, "${U:+${W}}", UNKNOWN),
        Arguments.of("FROM a\nENV U=\nRUN x\n", 2, "${U:+${W}}", ""),
        Arguments.of("FROM a\nENV U=x\nRUN x\n", 2, "a$", "a$"),
        Arguments.of("FROM a\nENV U=x\nRUN x\n", 2, "${U", UNKNOWN));
  }

  @ParameterizedTest(name = "{0} / {2}")
  @MethodSource("variables")
  void expandsLikeBuildKit(String file, int index, String text, String expected) {
    Dockerfile d = parse(file);
    Instruction at = d.instructions().get(index);
    Stage stage = d.stages().get(at.stageIndex());
    assertEquals(expected, stage.scope().expand(text, at).orElse(UNKNOWN));
  }

  @Test
  void groupsStagesWithAliasesAndParents() {
    Dockerfile d =
        parse(
            "ARG BASE=golang:1.22\n"
                + "ARG TARGET=build\n"
                + "FROM $BASE AS Build\n"
                + "RUN make\n"
                + "FROM alpine as runtime\n"
                + "COPY --from=build /out /\n"
                + "FROM ${TARGET} AS test\n"
                + "FROM runtime\n"
                + "USER app\n");
    List<Stage> stages = d.stages();
    assertEquals(4, stages.size());
    assertEquals(2, d.globalArgs().size());
    assertEquals("$BASE", stages.get(0).image());
    assertEquals("Build", stages.get(0).alias());
    assertNull(stages.get(0).parent());
    assertEquals("runtime", stages.get(1).alias());
    assertEquals(stages.get(0), stages.get(2).parent());
    assertEquals(stages.get(1), stages.get(3).parent());
    assertNull(stages.get(3).alias());
    assertEquals(1, stages.get(0).instructions().size());
    assertEquals(1, stages.get(1).all("COPY").get(0).stageIndex());
    assertEquals(3, stages.get(3).from().stageIndex());
    assertEquals(3, d.finalStage().orElseThrow().index());
    assertEquals(stages.get(1), d.stageNamed("RUNTIME", 3).orElseThrow());
    assertEquals("", DockerfileTesting.problems(d));
  }

  @Test
  void keyValuePairsOfEnvArgAndLabel() {
    Dockerfile d =
        parse(
            "FROM a\nENV A=1 B=\"two words\"\nENV LEGACY some value\nARG N\nARG M=3\n"
                + "LABEL org.opencontainers.image.title=\"x\" k=v\n");
    List<Instruction> ins = d.instructions();
    assertEquals("two words", ins.get(1).keyValue("B").orElseThrow().value());
    assertEquals("\"two words\"", ins.get(1).keyValue("B").orElseThrow().rawValue());
    assertEquals(
        "2:9-2:10", DockerfileTesting.at(ins.get(1).keyValue("B").orElseThrow().keySpan()));
    assertEquals(
        "2:11-2:22", DockerfileTesting.at(ins.get(1).keyValue("B").orElseThrow().valueSpan()));
    assertEquals("some value", ins.get(2).keyValue("LEGACY").orElseThrow().value());
    assertEquals(
        "3:12-3:22", DockerfileTesting.at(ins.get(2).keyValue("LEGACY").orElseThrow().valueSpan()));
    assertNull(ins.get(3).keyValue("N").orElseThrow().value());
    assertEquals("3", ins.get(4).keyValue("M").orElseThrow().value());
    assertEquals("x", ins.get(5).keyValue("org.opencontainers.image.title").orElseThrow().value());
  }

  @Test
  void globalScopeWithoutStages() {
    Dockerfile d = parse("ARG A=1\nARG B=${A}2\nARG C\n");
    Scope global = d.globalScope();
    assertEquals("12", global.variable("B", null).orElse(UNKNOWN));
    assertEquals(UNKNOWN, global.variable("C", null).orElse(UNKNOWN));
    assertEquals("", global.expand("${NOPE}", null).orElse(UNKNOWN));
    // an ARG sees only the ARGs before it
    assertEquals(UNKNOWN, global.variable("B", d.instructions().get(1)).orElse(UNKNOWN));
  }

  @Test
  void pairSpansAcrossAContinuation() {
    Instruction env = parse("FROM a\nENV B=2\\\n3 C\\\n=4\n").instructions().get(1);
    KeyValue b = env.keyValue("B").orElseThrow();
    assertEquals("23", b.value());
    assertEquals("2:5-2:6", DockerfileTesting.at(b.keySpan()));
    assertEquals("2:7-3:2", DockerfileTesting.at(b.valueSpan()));
    KeyValue c = env.keyValue("C").orElseThrow();
    assertEquals("4", c.value());
    assertEquals("3:3-4:1", DockerfileTesting.at(c.keySpan()));
    assertEquals("4:2-4:3", DockerfileTesting.at(c.valueSpan()));
  }
}
