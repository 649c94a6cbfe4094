package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A WORKDIR of the image that ships that is a system directory, one the operating system owns
 * ({@code /bin}, {@code /etc}, {@code /usr}, {@code /proc} …). ARG/ENV values are expanded; an
 * unknown value is not reported.
 */
@RuleInfo(
    id = "workdir-system-dir",
    title = "WORKDIR is a system directory",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    rationale =
        "COPY . and the app's own writes land among the operating system's files, where they can"
            + " overwrite binaries or configuration and are hard to tell apart from them.",
    trivy = {"DS-0030"})
public final class WorkdirSystemDir implements DockerfileRule {
  private static final Set<String> SYSTEM =
      Set.of(
          "/bin",
          "/sbin",
          "/boot",
          "/dev",
          "/etc",
          "/lib",
          "/lib32",
          "/lib64",
          "/libx32",
          "/proc",
          "/run",
          "/sys",
          "/usr",
          "/usr/bin",
          "/usr/sbin",
          "/usr/lib",
          "/usr/lib64",
          "/usr/libexec",
          "/usr/share",
          "/usr/include",
          "/var",
          "/var/lib",
          "/var/log");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : Stages.chain(last.get())) {
      for (Instruction workdir : stage.all("WORKDIR")) {
        if (workdir.args().isEmpty()) {
          continue;
        }
        Word w = workdir.args().get(0);
        Optional<String> value = stage.scope().expand(w, workdir).map(WorkdirSystemDir::normal);
        if (value.isEmpty() || !SYSTEM.contains(value.get())) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                w.span(),
                "WORKDIR "
                    + value.get()
                    + " is a system directory: use a directory of the app's own, such as /app"));
      }
    }
    return findings;
  }

  private static String normal(String path) {
    String p = path.trim().replaceAll("/+", "/");
    while (p.length() > 1 && (p.endsWith("/") || p.endsWith("/."))) {
      p = p.endsWith("/.") ? p.substring(0, p.length() - 2) : p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "/" : p;
  }
}
