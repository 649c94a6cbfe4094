package io.hullcheck.report.pr;

import io.hullcheck.engine.FileProblem;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The title, summary and text of the check run: counts per file and severity (new, pre-existing,
 * fixed since the last push, suppressed) in the summary, every finding with its rule link in the
 * text, both trimmed to GitHub's limits with a note when trimmed. Pure functions.
 */
public final class CheckText {
  private CheckText() {}

  /** A finding the App had commented on that no longer stands. */
  public record Resolved(String path, String ruleId, CommentText.Reason reason) {}

  /**
   * Everything the check output says.
   *
   * @param findings head findings of the changed Docker files, suppressed ones included
   * @param resolved findings gone since the last push (from the App's earlier threads)
   * @param problems files that could not be (fully) parsed
   * @param notes extra Markdown paragraphs (policy preview, skipped files), shown in order
   * @param failOn the lowest failing severity, null for never
   */
  public record Facts(
      String headSha,
      List<PrFinding> findings,
      List<Resolved> resolved,
      List<FileProblem> problems,
      List<String> notes,
      Severity failOn) {}

  /** Unsuppressed new findings at or above {@code failOn}: the ones that fail the check. */
  public static long failing(Facts facts) {
    if (facts.failOn() == null) {
      return 0;
    }
    return facts.findings().stream()
        .filter(pf -> pf.isNew() && !pf.suppressed())
        .filter(pf -> pf.finding().severity().atLeast(facts.failOn()))
        .count();
  }

  /** A one-line count, e.g. {@code 3 new findings (1 error, 2 warnings), 1 pre-existing}. */
  public static String countLine(Facts facts) {
    List<PrFinding> open = facts.findings().stream().filter(pf -> !pf.suppressed()).toList();
    List<PrFinding> fresh = open.stream().filter(PrFinding::isNew).toList();
    long pre = open.size() - fresh.size();
    long suppressed = facts.findings().size() - open.size();
    StringBuilder sb = new StringBuilder();
    if (fresh.isEmpty()) {
      sb.append("no new findings");
    } else {
      sb.append(plural(fresh.size(), "new finding"))
          .append(" (")
          .append(bySeverity(fresh))
          .append(')');
    }
    if (pre > 0) {
      sb.append(", ").append(pre).append(" pre-existing");
    }
    if (!facts.resolved().isEmpty()) {
      sb.append(", ").append(facts.resolved().size()).append(" fixed since the last push");
    }
    if (suppressed > 0) {
      sb.append(", ").append(suppressed).append(" suppressed");
    }
    if (!facts.problems().isEmpty()) {
      sb.append(", ").append(plural(facts.problems().size(), "parse problem"));
    }
    return sb.toString();
  }

  public static String title(Facts facts) {
    String line = countLine(facts);
    return Limits.cut(Character.toUpperCase(line.charAt(0)) + line.substring(1), Limits.TITLE);
  }

  /** The summary: verdict, a table per file and severity, fixed and suppressed lists, notes. */
  public static String summary(Facts facts, RuleDocs docs) {
    StringBuilder sb = new StringBuilder();
    long failing = failing(facts);
    if (!facts.problems().isEmpty()) {
      sb.append("**Failing:** ")
          .append(plural(facts.problems().size(), "changed Docker file"))
          .append(" could not be parsed; see the annotations.\n\n");
    }
    if (failing > 0) {
      sb.append("**Failing:** ")
          .append(plural((int) failing, "new finding"))
          .append(" at or above `")
          .append(facts.failOn().id())
          .append("` (`fail_on` in the base branch's policy).\n\n");
    } else {
      sb.append("**Passing:** no new finding at or above ")
          .append(
              facts.failOn() == null
                  ? "any severity (`fail_on: never`)"
                  : "`" + facts.failOn().id() + "`")
          .append(".\n\n");
    }
    Map<String, int[]> perFile = new TreeMap<>();
    for (PrFinding pf : facts.findings()) {
      int[] c = perFile.computeIfAbsent(pf.finding().path(), k -> new int[6]);
      if (pf.suppressed()) {
        c[5]++;
      } else if (!pf.isNew()) {
        c[3]++;
      } else {
        c[2 - pf.finding().severity().ordinal()]++;
      }
    }
    for (Resolved r : facts.resolved()) {
      perFile.computeIfAbsent(r.path(), k -> new int[6])[4]++;
    }
    if (!perFile.isEmpty()) {
      sb.append(
          "| File | New errors | New warnings | New info | Pre-existing | Fixed | Suppressed |\n");
      sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Map.Entry<String, int[]> e : perFile.entrySet()) {
        int[] c = e.getValue();
        sb.append("| `").append(e.getKey()).append('`');
        for (int v : c) {
          sb.append(" | ").append(v);
        }
        sb.append(" |\n");
      }
      sb.append('\n');
    }
    if (!facts.resolved().isEmpty()) {
      sb.append("### Fixed since the last push\n");
      for (Resolved r : facts.resolved()) {
        sb.append("- ")
            .append(docs.link(r.ruleId()))
            .append(' ')
            .append(docs.title(r.ruleId()))
            .append(" in `")
            .append(r.path())
            .append('`');
        if (r.reason() != CommentText.Reason.FIXED) {
          sb.append(" (")
              .append(r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
              .append(')');
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    List<PrFinding> suppressed = facts.findings().stream().filter(PrFinding::suppressed).toList();
    if (!suppressed.isEmpty()) {
      sb.append("### Suppressed\n");
      for (PrFinding pf : suppressed) {
        Finding f = pf.finding();
        String reason = f.suppression().reason();
        sb.append("- `")
            .append(f.path())
            .append(':')
            .append(f.span().startLine())
            .append("` ")
            .append(docs.link(f.ruleId()))
            .append(" by `")
            .append(f.suppression().source())
            .append('`')
            .append(reason == null || reason.isBlank() ? "" : ": " + CommentText.oneLine(reason))
            .append('\n');
      }
      sb.append('\n');
    }
    if (!facts.problems().isEmpty()) {
      sb.append("### Parse problems\n");
      for (FileProblem p : facts.problems()) {
        sb.append("- `")
            .append(p.path())
            .append(':')
            .append(p.line())
            .append(':')
            .append(p.column())
            .append("` ")
            .append(CommentText.oneLine(p.message()))
            .append('\n');
      }
      sb.append('\n');
    }
    for (String note : facts.notes()) {
      sb.append(note.strip()).append("\n\n");
    }
    return Limits.trim(sb.toString(), Limits.CHECK_TEXT, "the annotations list every finding");
  }

  /** The text: every unsuppressed finding per file, errors first, with rule links. */
  public static String text(Facts facts, RuleDocs docs) {
    Map<String, List<PrFinding>> perFile = new TreeMap<>();
    for (PrFinding pf : facts.findings()) {
      if (!pf.suppressed()) {
        perFile.computeIfAbsent(pf.finding().path(), k -> new ArrayList<>()).add(pf);
      }
    }
    if (perFile.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, List<PrFinding>> e : perFile.entrySet()) {
      sb.append("### `").append(e.getKey()).append("`\n");
      List<PrFinding> list = new ArrayList<>(e.getValue());
      list.sort(
          Comparator.comparing((PrFinding pf) -> pf.finding().severity())
              .reversed()
              .thenComparingInt(pf -> pf.finding().span().startLine()));
      for (PrFinding pf : list) {
        Finding f = pf.finding();
        sb.append("- line ")
            .append(f.span().startLine())
            .append(" · ")
            .append(f.severity().id())
            .append(pf.isNew() ? " · new · " : " · pre-existing · ")
            .append(docs.link(f.ruleId()))
            .append(' ')
            .append(docs.title(f.ruleId()))
            .append(": ")
            .append(CommentText.oneLine(f.message()))
            .append('\n');
      }
      sb.append('\n');
    }
    return Limits.trim(sb.toString(), Limits.CHECK_TEXT, "the annotations list every finding");
  }

  static String bySeverity(List<PrFinding> findings) {
    int[] c = new int[3];
    for (PrFinding pf : findings) {
      c[pf.finding().severity().ordinal()]++;
    }
    List<String> parts = new ArrayList<>();
    if (c[Severity.ERROR.ordinal()] > 0) {
      parts.add(plural(c[Severity.ERROR.ordinal()], "error"));
    }
    if (c[Severity.WARNING.ordinal()] > 0) {
      parts.add(plural(c[Severity.WARNING.ordinal()], "warning"));
    }
    if (c[Severity.INFO.ordinal()] > 0) {
      parts.add(c[Severity.INFO.ordinal()] + " info");
    }
    return String.join(", ", parts);
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
