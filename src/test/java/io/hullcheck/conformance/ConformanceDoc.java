package io.hullcheck.conformance;

import io.hullcheck.conformance.Conformance.Result;
import io.hullcheck.conformance.Conformance.Unit;
import io.hullcheck.conformance.Explanations.Explanation;
import io.hullcheck.conformance.Explanations.Kind;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code docs/conformance.md} from the runner's results and the explanations file. */
final class ConformanceDoc {
  static final String REGENERATE =
      "mvn -o -B -q test-compile && mvn -o -B -q surefire:test -Dtest=ConformanceTest"
          + " -Dhullcheck.conformance.write=true";

  /**
   * The floor for agreement over covered fixtures, in percent; the target is 97. A ratchet: raise
   * it as rules improve, never lower it to let a regression through.
   */
  static final long MIN_PERCENT = 90;

  private static final List<String> ANCHORS = List.of("kics", "trivy", "checkov");
  private static final Map<String, String> NAMES =
      Map.of("kics", "KICS", "trivy", "Trivy", "checkov", "Checkov");

  private ConformanceDoc() {}

  static String render(List<Result> results, Explanations why) {
    StringBuilder b = new StringBuilder();
    b.append("# Conformance with the anchors' labelled fixtures\n\n");
    b.append("Generated; do not edit by hand. Regenerate (with the corpus beside the clone, or")
        .append(" `HULLCHECK_CORPUS` set):\n\n```\n")
        .append(REGENERATE)
        .append("\n```\n\n");
    b.append("The reasons come from `src/test/resources/conformance/explanations.yml`.")
        .append(" `ConformanceTest` (part of `mvn -B verify`) fails when this page is out of date,")
        .append(" when agreement falls below its floor of ")
        .append(MIN_PERCENT)
        .append("% (the target is 97%), when a disagreement has no reason, or when a")
        .append(" reason no longer matches a disagreement.\n\n");
    summary(b, results, why);
    for (String anchor : ANCHORS) {
      anchor(
          b,
          anchor,
          results.stream().filter(r -> r.folder().anchor().equals(anchor)).toList(),
          why);
    }
    return b.toString();
  }

  private static void summary(StringBuilder b, List<Result> results, Explanations why) {
    List<Result> covered = results.stream().filter(Result::covered).toList();
    long agree = covered.stream().mapToLong(Result::agreed).sum();
    long total = covered.stream().mapToLong(r -> r.units().size()).sum();
    b.append("## Summary\n\n");
    b.append("Agreement over the fixtures whose concern a Hullcheck rule covers: **")
        .append(agree)
        .append(" of ")
        .append(total)
        .append(" (")
        .append(percent(agree, total))
        .append(")**.\n\n");
    b.append("| anchor | folders covered | folders not covered | units | agree | disagree |")
        .append(" agreement |\n|---|---|---|---|---|---|---|\n");
    for (String anchor : ANCHORS) {
      List<Result> of = results.stream().filter(r -> r.folder().anchor().equals(anchor)).toList();
      List<Result> cov = of.stream().filter(Result::covered).toList();
      long a = cov.stream().mapToLong(Result::agreed).sum();
      long t = cov.stream().mapToLong(r -> r.units().size()).sum();
      b.append("| ")
          .append(NAMES.get(anchor))
          .append(" | ")
          .append(cov.size())
          .append(" | ")
          .append(of.size() - cov.size())
          .append(" | ")
          .append(t)
          .append(" | ")
          .append(a)
          .append(" | ")
          .append(t - a)
          .append(" | ")
          .append(percent(a, t))
          .append(" |\n");
    }
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    for (Result r : covered) {
      for (Unit u : r.disagreements()) {
        why.of(r.folder().anchor(), r.folder().id(), u.file())
            .ifPresent(e -> kinds.merge(e.kind(), 1, Integer::sum));
      }
    }
    b.append("\nDisagreements by reason:");
    for (Kind k : Kind.values()) {
      b.append(k == Kind.LABEL ? " " : "; ")
          .append(k.text)
          .append(": ")
          .append(kinds.getOrDefault(k, 0));
    }
    b.append(".\n\n");
    long wrongLabels = kinds.getOrDefault(Kind.LABEL, 0);
    b.append("Setting aside the ")
        .append(wrongLabels)
        .append(" units where their label is wrong: ")
        .append(percent(agree + wrongLabels, total))
        .append(
            ". Deliberate differences and findings at another line count as disagreements.\n\n");
    b.append("How we count. A folder (one query or check) is covered when a rule lists its id")
        .append(" among its `kics`, `trivy` or `checkov` equivalents; every such rule runs on each")
        .append(" fixture file through the engine, with a policy that enables exactly those rules")
        .append(" whatever their default, and their findings are pooled. A negative file counts")
        .append(" one unit: it agrees when we report nothing. A positive file counts one unit per")
        .append(" line the label expects: it agrees when a finding of ours starts at that line,")
        .append(" or in the same Dockerfile instruction, or in the YAML entry that starts there or")
        .append(" holds it (KICS points at a key such as `ports:` where we point at the value to")
        .append(" edit, and at the deepest present parent of a missing key where we point at the")
        .append(" service). A positive file counts one unit when the label gives no line (Trivy")
        .append(" `bad` examples, Checkov")
        .append(" `failure*` folders; it agrees when we report anything). Each further line we")
        .append(" report on a positive file counts one more unit, a disagreement. KICS folders")
        .append(" whose labels give lines without a file name (`fileName` or `filename`) while")
        .append(" holding several positive files")
        .append(" are matched as a pool: each line we report on any positive file uses up one")
        .append(
            " expected occurrence of that line (or of the nearest line in the same element). Checkov graph checks (`CKV2_DOCKER_*`) label")
        .append(" instructions, not lines: when a failing file has as many instructions of the")
        .append(" labelled kind as the label lists, each counts one unit and needs a finding")
        .append(" within it, otherwise one of them must carry a finding. The corpus and its")
        .append(" formats are described in the corpus's `SOURCES.md`; its files are not copied")
        .append(" into this repository.\n\n");
  }

  private static void anchor(
      StringBuilder b, String anchor, List<Result> results, Explanations why) {
    String name = NAMES.get(anchor);
    b.append("## ").append(name).append("\n\n");
    b.append("| query | our rules | agree | disagree |\n|---|---|---|---|\n");
    for (Result r : results) {
      if (!r.covered()) {
        continue;
      }
      b.append("| `")
          .append(r.folder().id())
          .append("` | ")
          .append(
              String.join(
                  ", ", r.rules().stream().map(id -> "[" + id + "](rules/" + id + ".md)").toList()))
          .append(" | ")
          .append(r.agreed())
          .append(" | ")
          .append(r.disagreements().size())
          .append(" |\n");
    }
    b.append("\n");
    for (Result r : results) {
      if (!r.covered() || r.disagreements().isEmpty()) {
        continue;
      }
      b.append("### ")
          .append(name)
          .append(" `")
          .append(r.folder().id())
          .append("`: disagreements\n\n");
      b.append("Folder `").append(r.folder().dir()).append("`.\n\n");
      b.append("| file | they expect | we report | reason |\n|---|---|---|---|\n");
      for (Unit u : r.disagreements()) {
        Explanation e = why.of(anchor, r.folder().id(), u.file()).orElse(null);
        b.append("| `")
            .append(u.file())
            .append("` | ")
            .append(u.expected())
            .append(" | ")
            .append(u.reported())
            .append(" | ")
            .append(e == null ? "**unexplained**" : "*" + e.kind().text + ":* " + cell(e.reason()))
            .append(" |\n");
      }
      b.append("\n");
    }
    List<Result> notCovered = results.stream().filter(r -> !r.covered()).toList();
    if (!notCovered.isEmpty()) {
      b.append("### ").append(name).append(": not covered\n\n");
      b.append("| query | reason |\n|---|---|\n");
      for (Result r : notCovered) {
        b.append("| `")
            .append(r.folder().id())
            .append("` | ")
            .append(
                why.notCovered(anchor, r.folder().id())
                    .map(ConformanceDoc::cell)
                    .orElse(
                        "no Hullcheck rule lists it among its `" + anchor + "` equivalents yet"))
            .append(" |\n");
      }
      b.append("\n");
    }
  }

  private static String cell(String s) {
    return s.replace("\n", " ").replace("|", "\\|");
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
