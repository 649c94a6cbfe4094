package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
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

/**
 * One stage runs both {@code wget} and {@code curl} (as commands, in its own RUNs). Reported once
 * per stage, at the first run of the tool used second. Different stages may use different tools.
 */
@RuleInfo(
    id = "wget-and-curl",
    title = "Stage uses both wget and curl",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "Two download tools in one image do the same job twice: more packages to install and"
            + " patch, and two sets of flags for readers to check.",
    hadolint = {"DL4001"},
    trivy = {"DS-0014"},
    kics = {"run_using_wget_and_curl"})
public final class WgetAndCurl implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      RunScript.Cmd firstWget = null;
      RunScript.Cmd firstCurl = null;
      for (Instruction run : stage.all("RUN")) {
        for (RunScript.Cmd c : RunScript.commands(dockerfile, run)) {
          String name = c.command().name();
          if (name.equals("wget") && firstWget == null) {
            firstWget = c;
          } else if (name.equals("curl") && firstCurl == null) {
            firstCurl = c;
          }
        }
      }
      if (firstWget == null || firstCurl == null) {
        continue;
      }
      boolean wgetFirst =
          firstWget.run().span().startOffset() < firstCurl.run().span().startOffset()
              || (firstWget.run() == firstCurl.run()
                  && firstWget.command().words().get(0).start()
                      < firstCurl.command().words().get(0).start());
      RunScript.Cmd second = wgetFirst ? firstCurl : firstWget;
      String used = wgetFirst ? "wget" : "curl";
      String other = wgetFirst ? "curl" : "wget";
      findings.add(
          finding(
              dockerfile.source(),
              second.span(),
              "This stage downloads with both "
                  + used
                  + " and "
                  + other
                  + ": use "
                  + used
                  + " here too (or the other way round) and install only one"));
    }
    return findings;
  }
}
