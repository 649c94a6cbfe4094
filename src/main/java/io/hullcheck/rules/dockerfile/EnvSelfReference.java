package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.KeyValue;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ENV pair whose value uses a variable set by an earlier pair of the same ENV: BuildKit expands
 * every value with the variables as they were before the instruction, so the new value is not seen.
 * A pair that extends its own variable ({@code PATH=/x:$PATH}) means the old value and is fine.
 * Single-quoted and escaped references are literal.
 */
@RuleInfo(
    id = "env-self-reference",
    title = "ENV uses a variable it sets itself",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.CORRECTNESS,
    rationale =
        "All values of one ENV are expanded before any is set, so ENV A=1 B=$A gives B the old A"
            + " (often empty) rather than 1; the reader expects the new value.",
    hadolint = {"DL3044"})
public final class EnvSelfReference implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction env : stage.all("ENV")) {
        List<KeyValue> pairs = env.keyValues();
        for (int i = 1; i < pairs.size(); i++) {
          KeyValue pair = pairs.get(i);
          for (KeyValue earlier : pairs.subList(0, i)) {
            if (earlier.key().equals(pair.key()) || !references(pair.rawValue(), earlier.key())) {
              continue;
            }
            findings.add(
                finding(
                    dockerfile.source(),
                    pair.span(),
                    pair.key()
                        + " uses $"
                        + earlier.key()
                        + ", which the same ENV sets, but gets its value from before this ENV:"
                        + " move "
                        + pair.key()
                        + " to its own ENV after this one"));
            break;
          }
        }
      }
    }
    return findings;
  }

  private static boolean references(String raw, String key) {
    if (raw == null || raw.startsWith("'")) {
      return false;
    }
    Pattern ref =
        Pattern.compile(
            "(?<!\\\\)\\$(\\{"
                + Pattern.quote(key)
                + "[}:]|"
                + Pattern.quote(key)
                + "(?![A-Za-z0-9_]))");
    return ref.matcher(raw).find();
  }
}
