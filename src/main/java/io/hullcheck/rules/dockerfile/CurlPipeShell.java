package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A RUN pipes what curl or wget downloads straight into a shell or interpreter ({@code curl -fsSL
 * https://x/install.sh | sh}), possibly through other commands of the same pipeline ({@code | tee
 * log | bash}). Every stage: whatever a builder stage runs can reach the artefacts it copies on.
 */
@RuleInfo(
    id = "curl-pipe-shell",
    title = "Downloaded script piped straight into a shell",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Piping a download into a shell runs whatever the server returns at build time, with no"
            + " checksum or signature check and no record of what ran.")
public final class CurlPipeShell implements DockerfileRule {
  private static final Set<String> DOWNLOADERS = Set.of("curl", "wget");
  private static final Pattern INTERPRETER =
      Pattern.compile("(sh|bash|zsh|dash|ash|ksh|fish|python[0-9.]*|perl|ruby|node|php)");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Instruction run : RunScript.allRuns(dockerfile)) {
      List<RunScript.Cmd> commands = RunScript.commands(dockerfile, run);
      for (int i = 0; i < commands.size(); i++) {
        RunScript.Cmd download = commands.get(i);
        if (!DOWNLOADERS.contains(download.command().name()) || !download.raw().pipedTo()) {
          continue;
        }
        for (int j = i + 1; j < commands.size() && commands.get(j).raw().pipedFrom(); j++) {
          String name = commands.get(j).command().name();
          if (INTERPRETER.matcher(name).matches()) {
            findings.add(
                finding(
                    dockerfile.source(),
                    download.span().union(commands.get(j).span()),
                    download.command().name()
                        + " output is piped into "
                        + name
                        + ", which runs whatever the server sends; download the script to a"
                        + " file, check its sha256 (sha256sum -c) or signature, then run it"));
            break;
          }
          if (!commands.get(j).raw().pipedTo()) {
            break;
          }
        }
      }
    }
    return findings;
  }
}
