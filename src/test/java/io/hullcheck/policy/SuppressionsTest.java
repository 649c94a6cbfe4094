package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.compose.Service;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every suppression form, on real parsed files. Findings come from two stand-in rules whose
 * equivalents are known (so the tests do not move when real rules change): {@code t-from} on each
 * FROM keyword and {@code t-run} on the last word of each RUN (on its last continuation line); for
 * compose, {@code t-image} on each service's image and {@code t-port} on each port. Each case lists
 * the findings as {@code line rule} plus {@code [source: reason]} when suppressed.
 */
class SuppressionsTest {
  static final RuleMeta FROM =
      meta("t-from", Target.DOCKERFILE, Severity.WARNING, "DL3007", "DS-0001", "CKV_DOCKER_7");
  static final RuleMeta RUN =
      meta("t-run", Target.DOCKERFILE, Severity.INFO, "DL3008", "DS-0029", "CKV_DOCKER_9");
  static final RuleMeta IMAGE = meta("t-image", Target.COMPOSE, Severity.WARNING, "", "", "");
  static final RuleMeta PORT = meta("t-port", Target.COMPOSE, Severity.WARNING, "", "", "");
  static final List<RuleMeta> CATALOGUE;

  static {
    List<RuleMeta> all = new ArrayList<>(List.of(FROM, RUN, IMAGE, PORT));
    all.addAll(Registry.catalogue());
    CATALOGUE = List.copyOf(all);
  }

  private static RuleMeta meta(
      String id, Target target, Severity severity, String hadolint, String trivy, String ckv) {
    Map<String, List<String>> eq = new LinkedHashMap<>();
    eq.put("hadolint", hadolint.isEmpty() ? List.of() : List.of(hadolint));
    eq.put("trivy", trivy.isEmpty() ? List.of() : List.of(trivy));
    eq.put("checkov", ckv.isEmpty() ? List.of() : List.of(ckv));
    return new RuleMeta(
        id, id, severity, target, Category.STYLE, false, "test rule", true, Map.copyOf(eq));
  }

  static Stream<Arguments> dockerfiles() {
    return Stream.of(
        Arguments.of(
            "hullcheck pragma covers the next instruction only",
            "",
            """
            # hullcheck ignore=t-from -- pinned by the digest in CI
            FROM alpine:latest
            FROM alpine:latest
            """,
            List.of("2 t-from [hullcheck: pinned by the digest in CI]", "3 t-from")),
        Arguments.of(
            "several ids and pragma lines, a blank line between; t-from is unused there",
            "",
            """
            # hullcheck ignore=t-from,t-run -- a
            # hullcheck ignore=t-run -- b

            RUN apt-get install \\
                curl
            """,
            List.of("1 unused-suppression info", "5 t-run [hullcheck: a]")),
        Arguments.of(
            "a finding on a continuation line belongs to its instruction",
            "",
            """
            FROM alpine:3.20
            # hullcheck ignore=t-run -- the build cache needs it
            RUN apk add \\
                --no-cache \\
                curl
            RUN apk add wget
            """,
            List.of("1 t-from", "5 t-run [hullcheck: the build cache needs it]", "6 t-run")),
        Arguments.of(
            "ignore-file anywhere covers the whole file",
            "",
            """
            FROM alpine:latest
            RUN true
            # hullcheck ignore-file=t-from -- a scratch image for tests
            FROM alpine:latest
            """,
            List.of(
                "1 t-from [hullcheck: a scratch image for tests]",
                "2 t-run",
                "4 t-from [hullcheck: a scratch image for tests]")),
        Arguments.of(
            "missing reason still suppresses and is reported",
            "",
            """
            # hullcheck ignore=t-from
            FROM alpine:latest
            """,
            List.of("1 suppression-without-reason warning", "2 t-from [hullcheck: -]")),
        Arguments.of(
            "require_reason: false accepts a bare pragma",
            "require_reason: false",
            """
            # hullcheck ignore=t-from
            FROM alpine:latest
            """,
            List.of("2 t-from [hullcheck: -]")),
        Arguments.of(
            "the reason must follow --",
            "",
            """
            # hullcheck ignore=t-from because reasons
            FROM alpine:latest
            """,
            List.of("1 unused-suppression info", "2 t-from")),
        Arguments.of(
            "prose that starts with the word is not a pragma; a misspelt pragma is reported",
            "",
            """
            # Hullcheck's own image: build it with docker build
            # hullcheck checks this file
            # hullcheck ignroe=t-from -- typo in the keyword
            # hullcheck ignore t-from -- missing the =
            FROM alpine:latest
            """,
            List.of("3 unused-suppression info", "4 unused-suppression info", "5 t-from")),
        Arguments.of(
            "unused pragma, misspelt rule, pragma with nothing after it",
            "",
            """
            FROM alpine:3.20
            # hullcheck ignore=t-run -- was needed for the old mirror
            USER nobody
            # hullcheck ignore=t-form -- typo
            FROM alpine:latest
            # hullcheck ignore=t-from -- trailing
            """,
            List.of(
                "1 t-from",
                "2 unused-suppression info: suppression of `t-run` matches no finding on the next"
                    + " instruction; remove it",
                "4 unused-suppression info: suppression names `t-form`, which is not a Hullcheck"
                    + " rule; did you mean `t-from`?",
                "5 t-from",
                "6 unused-suppression info: suppression of `t-from` matches no finding (no"
                    + " instruction or entry follows it); remove it")),
        Arguments.of(
            "hadolint pragma through equivalents, with a reason after #",
            "",
            """
            # hadolint ignore=DL3007 # upstream only ships latest
            FROM alpine:latest
            # hadolint ignore=DL3008,SC2086
            RUN apt-get install -y curl
            """,
            List.of(
                "2 t-from [hadolint: upstream only ships latest]",
                "3 suppression-without-reason info",
                "4 t-run [hadolint: -]")),
        Arguments.of(
            "hadolint global ignore covers the file",
            "",
            """
            # hadolint global ignore=DL3007 -- rolling tags are our policy
            FROM alpine:latest
            FROM alpine:latest
            """,
            List.of(
                "2 t-from [hadolint: rolling tags are our policy]",
                "3 t-from [hadolint: rolling tags are our policy]")),
        Arguments.of(
            "trivy ids in every spelling",
            "require_reason: false",
            """
            # trivy:ignore:DS-0001
            FROM alpine:latest
            #trivy:ignore:AVD-DS-0001
            FROM alpine:latest
            # trivy:ignore:DS001 trivy:ignore:DS029
            RUN apt-get install curl
            FROM alpine:latest
            """,
            List.of(
                "2 t-from [trivy: -]",
                "4 t-from [trivy: -]",
                "5 unused-suppression info",
                "6 t-run [trivy: -]",
                "7 t-from")),
        Arguments.of(
            "checkov skip covers the file, reason after the colon",
            "",
            """
            FROM alpine:latest
            RUN true
            # checkov:skip=CKV_DOCKER_7:tags are pinned by renovate
            FROM alpine:latest
            """,
            List.of(
                "1 t-from [checkov: tags are pinned by renovate]",
                "2 t-run",
                "4 t-from [checkov: tags are pinned by renovate]")),
        Arguments.of(
            "other tools' ids that map to no rule are left alone",
            "",
            """
            # hadolint ignore=SC2086 -- a ShellCheck code, which hadolint still reads
            # checkov:skip=CKV_DOCKER_99:not ours
            FROM alpine:3.20
            """,
            List.of("3 t-from")),
        Arguments.of(
            "other tools' ids that map to no rule need no reason from us either",
            "",
            """
            # hadolint ignore=DL9999
            # trivy:ignore:DS-9999
            FROM alpine:3.20
            """,
            List.of("3 t-from")),
        Arguments.of(
            "a rule that is off makes our pragma for it unused",
            "rules:\n  unused-suppression: warning",
            """
            # hullcheck ignore=untrusted-registry -- mirror is down
            FROM ghcr.io/acme/base:1
            """,
            List.of(
                "1 unused-suppression warning: suppression of `untrusted-registry` matches no"
                    + " finding on the next instruction (the rule is off here); remove it",
                "2 t-from")),
        Arguments.of(
            "the meta rules follow the policy",
            "rules:\n  suppression-without-reason: error\n  unused-suppression: off",
            """
            # hullcheck ignore=t-from
            FROM alpine:latest
            # hullcheck ignore=t-run -- unused
            FROM alpine:latest
            """,
            List.of("1 suppression-without-reason error", "2 t-from [hullcheck: -]", "4 t-from")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dockerfiles")
  void dockerfile(String name, String policy, String text, List<String> expected) {
    Dockerfile df = DockerfileParser.parse(new SourceFile("Dockerfile", text));
    List<Finding> findings = new ArrayList<>();
    for (Instruction i : df.instructions()) {
      if (i.is("FROM")) {
        findings.add(finding(FROM, i.keywordSpan()));
      } else if (i.is("RUN")) {
        findings.add(finding(RUN, i.args().get(i.args().size() - 1).span()));
      }
    }
    List<Finding> out =
        Suppressions.apply(df, findings, policy(policy, PolicyLoader.RepoFiles.none()), CATALOGUE);
    assertEquals(expected, describe(out, expected));
  }

  @Test
  void hadolintConfigIgnoredListSuppressesThroughEquivalents() {
    Dockerfile df =
        DockerfileParser.parse(new SourceFile("Dockerfile", "FROM alpine:latest\nRUN true\n"));
    List<Finding> findings =
        List.of(
            finding(FROM, df.instructions().get(0).keywordSpan()),
            finding(RUN, df.instructions().get(1).args().get(0).span()));
    PolicyLoader.RepoFiles files =
        p -> p.equals(".hadolint.yaml") ? Optional.of("ignored: [DL3007]\n") : Optional.empty();
    List<Finding> out = Suppressions.apply(df, findings, policy("", files), CATALOGUE);
    assertEquals(
        List.of("1 t-from [.hadolint.yaml: DL3007 is listed under `ignored`]", "2 t-run"),
        describe(out, List.of()));
  }

  static Stream<Arguments> composeFiles() {
    return Stream.of(
        Arguments.of(
            "a pragma above a service covers everything nested in it",
            """
            services:
              # hullcheck ignore=t-image,t-port -- local development only
              web:
                image: nginx:latest
                ports:
                  - "80:80"
              api:
                image: api:latest
            """,
            List.of(
                "4 t-image [hullcheck: local development only]",
                "6 t-port [hullcheck: local development only]",
                "8 t-image")),
        Arguments.of(
            "a pragma above a key covers that key only",
            """
            services:
              web:
                image: nginx:latest
                # hullcheck ignore=t-port -- behind the VPN
                ports:
                  - "80:80"
                  - "443:443"
            """,
            List.of(
                "3 t-image",
                "6 t-port [hullcheck: behind the VPN]",
                "7 t-port [hullcheck: behind the VPN]")),
        Arguments.of(
            "a pragma above a list item covers that item",
            """
            services:
              web:
                ports:
                  # hullcheck ignore=t-port -- debug port, removed before release
                  - "9229:9229"
                  - "80:80"
            """,
            List.of("5 t-port [hullcheck: debug port, removed before release]", "6 t-port")),
        Arguments.of(
            "a pragma after an entry on its line covers that entry, not the next",
            """
            services:
              web:
                image: nginx:latest # hullcheck ignore=t-image -- pinned by the deploy job
                ports:
                  - "80:80"   # hullcheck ignore=t-port -- the proxy itself
                  - "443:443"
              api:
                image: api:latest
            """,
            List.of(
                "3 t-image [hullcheck: pinned by the deploy job]",
                "5 t-port [hullcheck: the proxy itself]",
                "6 t-port",
                "8 t-image")),
        Arguments.of(
            "a pragma after a key that opens a block covers the block",
            """
            services:
              web: # hullcheck ignore=t-port -- all of web is internal
                image: nginx:latest
                ports:
                  - "80:80"
            """,
            List.of("3 t-image", "5 t-port [hullcheck: all of web is internal]")),
        Arguments.of(
            "ignore-file and unused in compose",
            """
            # hullcheck ignore-file=t-image -- images are pinned at deploy time
            services:
              web:
                image: nginx:latest
                # hullcheck ignore=t-port -- nothing to suppress here
                environment:
                  A: b
            """,
            List.of(
                "4 t-image [hullcheck: images are pinned at deploy time]",
                "5 unused-suppression info: suppression of `t-port` matches no finding in the"
                    + " next entry; remove it")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("composeFiles")
  void compose(String name, String text, List<String> expected) {
    ComposeFile cf = ComposeLoader.load(new SourceFile("compose.yaml", text), Map.of());
    List<Finding> findings = new ArrayList<>();
    for (Service s : cf.services()) {
      s.scalar("image").ifPresent(i -> findings.add(finding(IMAGE, i.span())));
      for (Service.PortMapping p : s.ports()) {
        findings.add(finding(PORT, p.node().span()));
      }
    }
    List<Finding> out =
        Suppressions.apply(cf, findings, policy("", PolicyLoader.RepoFiles.none()), CATALOGUE);
    assertEquals(expected, describe(out, expected));
  }

  private static Policy policy(String text, PolicyLoader.RepoFiles files) {
    PolicyResult r = PolicyLoader.parse(".hullcheck.yml", text, files, CATALOGUE);
    if (!r.ok()) {
      throw new AssertionError(r.errors().toString());
    }
    return r.policy();
  }

  private static Finding finding(RuleMeta m, Span span) {
    return new Finding(
        m.id(), m.severity(), m.category(), "Dockerfile", span, "found", null, null, null);
  }

  /**
   * Findings as {@code line rule}; meta findings add their severity, and their message when the
   * expected line has one; suppressed ones add {@code [source: reason]}.
   */
  private static List<String> describe(List<Finding> findings, List<String> expected) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(
        Comparator.comparingInt((Finding f) -> f.span().startLine())
            .thenComparing(Finding::ruleId));
    List<String> out = new ArrayList<>();
    for (Finding f : sorted) {
      String s = f.span().startLine() + " " + f.ruleId();
      if (f.ruleId().equals(Suppressions.UNUSED)
          || f.ruleId().equals(Suppressions.WITHOUT_REASON)) {
        s += " " + f.severity().id();
        String prefix = s;
        if (expected.stream().anyMatch(e -> e.startsWith(prefix + ":"))) {
          s += ": " + f.message();
        }
      }
      if (f.suppressed()) {
        String reason = f.suppression().reason();
        s += " [" + f.suppression().source() + ": " + (reason == null ? "-" : reason) + "]";
      }
      out.add(s);
    }
    return out;
  }
}
