package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RepositoryView;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.Workflow;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.Stages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The repository builds images but no CI workflow scans them. Reads the {@link RepositoryView} that
 * the engine hands to the first Dockerfile in path order, and reports there, at the FROM of its
 * final stage (the image that ships), so the finding appears once per repository, can be suppressed
 * in that Dockerfile, and lands on a line of a pull request that touches it. A scanner is
 * recognised by a step's {@code uses:} action or by the commands of a {@code run:} script, as shell
 * words, never by a substring of the file. A workflow that does not parse leaves the answer
 * unknown, and then nothing is reported.
 */
@RuleInfo(
    id = "image-scan-missing",
    title = "No CI workflow scans the images for vulnerabilities",
    severity = Severity.INFO,
    target = Target.REPOSITORY,
    category = Category.BASE_IMAGE,
    rationale =
        "Base images and packages collect known vulnerabilities after they are built; a scanner in"
            + " CI (Trivy, Grype, Docker Scout, Snyk) reports them before the image ships.",
    cis = {"4.4"})
public final class ImageScanMissing implements DockerfileRule {
  private static final Set<String> SCAN_ACTIONS =
      Set.of(
          "aquasecurity/trivy-action",
          "anchore/scan-action",
          "docker/scout-action",
          "snyk/actions/docker");
  private static final Set<String> TRIVY_TARGETS =
      Set.of("image", "i", "fs", "filesystem", "rootfs", "repo", "repository");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<RepositoryView> repo = context.repository();
    Optional<Stage> last = dockerfile.finalStage();
    if (repo.isEmpty() || last.isEmpty()) {
      return List.of();
    }
    List<Workflow> workflows = repo.get().workflows();
    if (workflows.stream().anyMatch(w -> !w.readable() || scans(w))) {
      return List.of();
    }
    Optional<Word> image = Stages.imageWord(last.get());
    if (image.isEmpty()) {
      return List.of();
    }
    String path = dockerfile.source().path();
    String where =
        workflows.isEmpty()
            ? "No workflow under .github/workflows"
            : "None of the " + workflows.size() + " workflows under .github/workflows";
    return List.of(
        finding(
            dockerfile.source(),
            image.get().span(),
            where
                + " runs an image scanner (Trivy, Grype, Docker Scout or Snyk), so known"
                + " vulnerabilities in the images built from "
                + path
                + " go unnoticed; add a scan job, for example"
                + " .github/workflows/image-scan.yml:\n\n"
                + suggestedWorkflow(path)));
  }

  static boolean scans(Workflow w) {
    for (String uses : w.uses()) {
      String action = uses.toLowerCase(Locale.ROOT).strip();
      int at = action.indexOf('@');
      if (SCAN_ACTIONS.contains(at < 0 ? action : action.substring(0, at))) {
        return true;
      }
    }
    for (String script : w.runs()) {
      for (Shell.Command c : Shell.commands(script)) {
        if (scanCommand(c.unwrapped())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean scanCommand(Shell.Command c) {
    List<String> operands = c.args().stream().filter(a -> !a.startsWith("-")).toList();
    String first = operands.isEmpty() ? "" : operands.get(0);
    String second = operands.size() < 2 ? "" : operands.get(1);
    return switch (c.name()) {
      case "grype" -> true;
      case "trivy" -> TRIVY_TARGETS.contains(first);
      case "docker" -> first.equals("scout") && (second.equals("cves") || second.equals("cve"));
      case "snyk" ->
          first.equals("container") && (second.equals("test") || second.equals("monitor"));
      default -> false;
    };
  }

  /** A small Trivy job that builds the image from this Dockerfile and fails on serious findings. */
  static String suggestedWorkflow(String dockerfilePath) {
    int slash = dockerfilePath.lastIndexOf('/');
    String contextDir = slash < 0 ? "." : dockerfilePath.substring(0, slash);
    return "```yaml\n"
        + "name: image-scan\n"
        + "on: [push, pull_request]\n"
        + "jobs:\n"
        + "  trivy:\n"
        + "    runs-on: ubuntu-latest\n"
        + "    steps:\n"
        + "      - uses: actions/checkout@v4\n"
        + "      - run: docker build -t scan-me:${{ github.sha }} -f "
        + dockerfilePath
        + " "
        + contextDir
        + "\n"
        + "      - uses: aquasecurity/trivy-action@0.28.0\n"
        + "        with:\n"
        + "          image-ref: scan-me:${{ github.sha }}\n"
        + "          severity: CRITICAL,HIGH\n"
        + "          ignore-unfixed: true\n"
        + "          exit-code: \"1\"\n"
        + "```";
  }
}
