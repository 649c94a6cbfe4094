package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.SourceFile;
import io.hullcheck.policy.Policy;
import io.hullcheck.policy.PolicyLoader;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.testing.TestPolicy;
import io.hullcheck.testing.TestRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine with test-only rules over real parsed files. */
class EngineTest {
  private static final Engine ENGINE = new Engine(TestRules.all());

  private static InputFile dockerfile(String path, String text) {
    return new InputFile(new SourceFile(path, text), FileKind.DOCKERFILE);
  }

  private static InputFile compose(String path, String text, Map<String, String> env) {
    return new InputFile(new SourceFile(path, text), FileKind.COMPOSE, env);
  }

  private static List<String> summary(ScanResult r) {
    return r.findings().stream()
        .map(
            f -> f.path() + ":" + f.span().startLine() + " " + f.ruleId() + " " + f.severity().id())
        .toList();
  }

  @Test
  void aRuleThatThrowsBecomesAnInternalErrorAndTheOthersStillRun() {
    ScanResult r =
        ENGINE.check(
            List.of(dockerfile("Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n")),
            TestPolicy.only("test-throws", "test-maintainer"));
    assertEquals(
        List.of("Dockerfile:1 internal-error warning", "Dockerfile:2 test-maintainer warning"),
        summary(r));
    assertEquals(
        "Rule test-throws failed on this file (IllegalStateException: boom); its findings are"
            + " missing. Please report this with the file",
        r.findings().get(0).message());
  }

  @Test
  void policySeveritiesPathsAndOrderAcrossFiles() {
    List<InputFile> files =
        List.of(
            dockerfile("b/Dockerfile", "FROM alpine:3.20\nMAINTAINER me\n"),
            dockerfile("a/Dockerfile", "FROM alpine:3.20\nEXPOSE 80\nMAINTAINER me\n"),
            compose(
                "compose.yaml",
                "services:\n  web:\n    image: x\n    privileged: true\n",
                Map.of()));
    TestPolicy policy =
        TestPolicy.only("test-maintainer", "test-privileged", "test-expose")
            .withSeverities(Map.of("test-maintainer", Severity.ERROR));
    ScanResult r = ENGINE.check(files, policy);
    List<String> expected =
        List.of(
            "a/Dockerfile:2 test-expose info",
            "a/Dockerfile:3 test-maintainer error",
            "b/Dockerfile:2 test-maintainer error",
            "compose.yaml:4 test-privileged error");
    assertEquals(expected, summary(r));
    assertEquals(3, r.files());
    assertEquals(r, ENGINE.withParallel(false).check(files, policy));
  }

  @Test
  void excludedFilesAreNotChecked() {
    ScanResult r =
        ENGINE.check(
            List.of(
                dockerfile("vendor/Dockerfile", "FROM a\nMAINTAINER me\n"),
                dockerfile("Dockerfile", "FROM a\nMAINTAINER me\n")),
            TestPolicy.only("test-maintainer").excluding(p -> p.startsWith("vendor/")));
    assertEquals(List.of("Dockerfile:2 test-maintainer warning"), summary(r));
    assertEquals(1, r.files());
  }

  @Test
  void parseProblemsAreReportedWithPositionsAndOtherFilesContinue() {
    ScanResult r =
        ENGINE.check(
            List.of(
                compose(
                    "compose.yaml", "services:\n  web:\n    image: a\n    image: b\n", Map.of()),
                dockerfile("Dockerfile", "FROM a\nMAINTAINER me\n")),
            TestPolicy.only("test-maintainer", "test-privileged"));
    assertEquals(List.of("Dockerfile:2 test-maintainer warning"), summary(r));
    FileProblem p = r.problems().get(0);
    assertEquals("compose.yaml", p.path());
    assertEquals(4, p.line());
  }

  @ParameterizedTest(name = "file env {0}, engine env {1}: {2} findings")
  @CsvSource({"'', '', 0", "true, '', 1", "false, true, 1", "true, false, 0"})
  void composeInterpolationSeesTheFileEnvOverlaidByTheEngineEnv(
      String fileValue, String engineValue, int findings) {
    InputFile file =
        compose(
            "compose.yaml",
            "services:\n  web:\n    image: x\n    privileged: ${PRIV}\n",
            fileValue.isEmpty() ? Map.of() : Map.of("PRIV", fileValue));
    Engine engine = engineValue.isEmpty() ? ENGINE : ENGINE.withEnv(Map.of("PRIV", engineValue));
    assertEquals(
        findings,
        engine.check(List.of(file), TestPolicy.only("test-privileged")).findings().size());
  }

  @ParameterizedTest(name = "fix mode {0}, maintainer rule on: {1} -> kept: {2}")
  @CsvSource({
    "good, false, true",
    "good, true, true",
    "keep, false, false",
    "crlf, false, false",
    "new, false, true",
    "new, true, false",
    "break, false, false",
    "none, false, false",
  })
  void fixesAreKeptOnlyWhenVerified(String mode, boolean maintainerOn, boolean kept) {
    TestPolicy policy =
        (maintainerOn
                ? TestPolicy.only("test-expose", "test-maintainer")
                : TestPolicy.only("test-expose"))
            .withOptions("test-expose", Map.of("mode", mode));
    ScanResult r =
        ENGINE.check(
            List.of(dockerfile("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\nCMD [\"x\"]\n")),
            policy);
    Finding expose = r.findings().get(0);
    assertEquals("test-expose", expose.ruleId());
    assertNull(
        ENGINE
            .withoutFixes()
            .check(List.of(dockerfile("Dockerfile", "FROM a\nEXPOSE 80\n")), policy)
            .findings()
            .get(0)
            .fix(),
        "without fixes, none is offered");
    assertEquals("EXPOSE 80", expose.message(), "a dropped fix keeps the message");
    if (kept) {
      assertNotNull(expose.fix());
    } else {
      assertNull(expose.fix());
    }
  }

  /**
   * A compose file with many fixable findings takes the batched verification path; every fix it
   * offers must still pass the contract when applied alone: the file parses, the finding it targets
   * is gone and no finding is new. Services of several shapes, plus an anchor block shared by two
   * services (fixes there edit outside a single service and are verified alone).
   */
  @Test
  void batchedVerificationOffersOnlyFixesThatVerifyAlone() {
    StringBuilder yaml = new StringBuilder("x-common: &common\n  privileged: true\nservices:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  web").append(i).append(":\n    image: nginx:1.27\n");
      switch (i % 4) {
        case 0 -> yaml.append("    ports:\n      - \"8").append(i).append(":80\"\n");
        case 1 -> yaml.append("    privileged: true\n    network_mode: host\n");
        case 2 -> yaml.append("    <<: *common\n");
        default -> yaml.append("    logging:\n      driver: json-file\n");
      }
    }
    InputFile file = compose("compose.yaml", yaml.toString(), Map.of());
    assertEveryFixVerifiesAlone(file, Engine.BATCH_FROM * 2);
  }

  /**
   * Keys as the fix contract compares them, written out independently of the engine: a finding of
   * another rule than the fix's that touches the text the fix rewrote counts by rule id alone (its
   * text changed with the edit), every other finding by its full key.
   */
  private static Map<FindingKey, Integer> contractKeys(
      List<Finding> findings, SourceFile source, Finding target, boolean fixedText) {
    List<int[]> ranges = new java.util.ArrayList<>();
    int shift = 0;
    List<TextEdit> edits = new java.util.ArrayList<>(target.fix().edits());
    edits.sort(java.util.Comparator.comparingInt(TextEdit::startOffset));
    for (TextEdit e : edits) {
      int start = e.startOffset() + (fixedText ? shift : 0);
      int end = fixedText ? start + e.text().length() : e.endOffset();
      ranges.add(new int[] {start, end});
      shift += e.text().length() - (e.endOffset() - e.startOffset());
    }
    Map<FindingKey, Integer> out = new java.util.HashMap<>();
    for (Finding g : findings) {
      boolean rewritten =
          !g.ruleId().equals(target.ruleId())
              && ranges.stream()
                  .anyMatch(r -> g.span().startOffset() <= r[1] && r[0] <= g.span().endOffset());
      FindingKey k =
          rewritten ? new FindingKey(g.ruleId(), "", "(rewritten)") : FindingKey.of(g, source);
      out.merge(k, 1, Integer::sum);
    }
    return out;
  }

  /**
   * A fix stays when another rule reports the same text: fixing it rewrites that finding's text,
   * which is the same finding, not a new one. Before, such a fix was dropped and `hullcheck fix`
   * could never apply it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apt-get-missing-yes|Dockerfile|FROM ubuntu:24.04\\nRUN apt-get update && apt-get install"
            + " curl\\nUSER 10001\\n",
        "port-all-interfaces|compose.yaml|services:\\n  web:\\n    image: nginx:1.27\\n"
            + "    ports: [\"80:80\"]\\n",
        "copy-multiple-sources-dir|Dockerfile|FROM alpine:3.20\\nCOPY a b c\\nUSER 10001\\n",
      })
  void aFixSurvivesAnotherRuleReportingTheSameText(String rule, String path, String text) {
    String body = text.replace("\\n", "\n");
    InputFile file =
        path.endsWith(".yaml")
            ? compose(path, body, Map.of())
            : new InputFile(new SourceFile(path, body), FileKind.DOCKERFILE);
    List<Finding> findings =
        new Engine(Registry.all()).checkFile(file, PolicyLoader.builtin("default")).findings();
    Finding target =
        findings.stream().filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow();
    assertTrue(
        findings.stream()
            .anyMatch(
                f ->
                    !f.ruleId().equals(rule)
                        && f.span().startOffset() <= target.span().endOffset()
                        && target.span().startOffset() <= f.span().endOffset()),
        "another rule must report the same text for this row to mean anything: " + findings);
    assertNotNull(target.fix(), rule + " lost its fix: " + findings);
  }

  /** Two compose files that include each other: each finding is reported once, in its file. */
  @Test
  void anIncludeCycleReportsEachFindingOnce() {
    InputFile a =
        compose(
            "compose.yaml",
            "include:\n  - b-compose.yaml\nservices:\n  a:\n    image: x:1\n    privileged: true\n",
            Map.of());
    InputFile b =
        compose(
            "b-compose.yaml",
            "include:\n  - compose.yaml\nservices:\n  b:\n    image: y:1\n    privileged: true\n",
            Map.of());
    ScanResult r = new Engine(Registry.all()).check(List.of(a, b), TestPolicy.only("privileged"));
    List<String> where =
        r.findings().stream().map(f -> f.path() + ":" + f.span().startLine()).toList();
    assertEquals(List.of("b-compose.yaml:6", "compose.yaml:6"), where);
    assertEquals(r.problems().stream().distinct().toList(), r.problems(), "problems once each");
  }

  @Test
  void batchedVerificationOfADockerfileOffersOnlyFixesThatVerifyAlone() {
    StringBuilder text = new StringBuilder("FROM debian:12-slim\n");
    for (int i = 0; i < 12; i++) {
      switch (i % 4) {
        case 0 -> text.append("RUN apt-get install -y pkg").append(i).append(" | tee log\n");
        case 1 -> text.append("RUN apk add curl").append(i).append("\n");
        case 2 -> text.append("RUN apt-get update && apt-get install -y \\\n    vim").append(i);
        default -> text.append("RUN cd /tmp && make install").append(i);
      }
      text.append(i % 4 >= 2 ? "\n" : "");
    }
    InputFile file = dockerfile("Dockerfile", text.toString());
    assertEveryFixVerifiesAlone(file, Engine.BATCH_FROM);
  }

  /**
   * Checks the file with every rule and the default pack (at least {@code atLeast} fixes must be
   * offered), then applies each offered fix alone and checks the contract: the file has no problem,
   * the finding is gone and no finding is new.
   */
  private static void assertEveryFixVerifiesAlone(InputFile file, int atLeast) {
    Engine engine = new Engine(Registry.all());
    Policy policy = PolicyLoader.builtin("default");
    List<Finding> findings = engine.checkFile(file, policy).findings();
    List<Finding> fixed = findings.stream().filter(f -> f.fix() != null).toList();
    assertTrue(fixed.size() >= atLeast, "fixes offered: " + fixed.size());
    for (Finding f : fixed) {
      InputFile after = file.withText(f.fix().applyTo(file.source().text()));
      Engine.FileResult r = engine.withoutFixes().checkFile(after, policy);
      assertEquals(List.of(), r.problems(), f.fix().description());
      Map<FindingKey, Integer> before = contractKeys(findings, file.source(), f, false);
      Map<FindingKey, Integer> now = contractKeys(r.findings(), after.source(), f, true);
      FindingKey key = FindingKey.of(f, file.source());
      assertTrue(
          now.getOrDefault(key, 0) < before.get(key), "still there after " + f.fix().description());
      assertTrue(Engine.noMore(now, before), "new finding after " + f.fix().description());
    }
  }

  @Test
  void aLongFileWhoseFixesFailTogetherDropsThemPastTheBudgetAndSaysSo() {
    // Every EXPOSE gets a fix that turns it into a MAINTAINER line, a new finding: its batches fail
    // and each fix is verified alone, and fails, until the budget is spent.
    int lines = 3_000;
    StringBuilder text = new StringBuilder("FROM alpine:3.20\n");
    for (int i = 0; i < lines; i++) {
      text.append("EXPOSE ").append(1000 + i).append('\n');
    }
    InputFile file = dockerfile("Dockerfile", text.toString());
    Policy policy =
        TestPolicy.only("test-expose", "test-maintainer")
            .withOptions("test-expose", Map.of("mode", "new"));
    Engine.FileResult r = new Engine(TestRules.all()).checkFile(file, policy);
    List<Finding> exposes =
        r.findings().stream().filter(f -> f.ruleId().equals("test-expose")).toList();
    assertEquals(lines, exposes.size());
    assertTrue(exposes.stream().allMatch(f -> f.fix() == null), "no failing fix is offered");
    long checks = Engine.ALONE_BUDGET / text.length();
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertEquals(
        (lines - checks)
            + " proposed fixes were not verified and are not offered: this file is too long to"
            + " re-check once per fix (their findings are reported)",
        r.problems().get(0).message());
  }
}
