package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.model.ImageRef;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.LineEdits;
import io.hullcheck.rules.support.ShellText;
import io.hullcheck.rules.support.Stages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The final stage of a service image has no health check. A service image is one whose final stage
 * chain has a CMD or ENTRYPOINT (images that only inherit one from their base are not judged:
 * nothing in the file says they are services). The health check in effect is the last HEALTHCHECK
 * of the chain; {@code HEALTHCHECK NONE} counts as none. A probe is derived when the image has curl
 * or wget (installed by a RUN of the chain, or shipped by the base image per the base-image table)
 * and EXPOSEs a TCP port that is not a well-known non-HTTP port; the fix then inserts (or replaces
 * {@code NONE} with) an HTTP probe of that port.
 */
@RuleInfo(
    id = "healthcheck-missing",
    title = "Service image has no health check",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.HEALTHCHECK,
    fixable = true,
    rationale =
        "Without a health check, Docker and Compose report a hung or deadlocked service as"
            + " running, so nothing restarts it and depends_on cannot wait for it to be ready.",
    hadolint = {"DL3057"},
    trivy = {"DS-0026"},
    kics = {"healthcheck_instruction_missing"},
    checkov = {"CKV_DOCKER_2"},
    cis = {"4.6"})
public final class HealthcheckMissing implements DockerfileRule {
  private static final String OPTIONS = "--interval=30s --timeout=3s --retries=3";

  /**
   * Ports where an HTTP probe is a safe guess: the usual web and app-server ports. Anything else
   * (databases, brokers, game servers) gets advice, not a probe that would mark a healthy service
   * unhealthy. Entries are single ports or {@code low-high} ranges; option {@code http_ports}.
   */
  static final List<String> DEFAULT_HTTP_PORTS =
      List.of(
          "80",
          "3000-3010",
          "4000",
          "4200",
          "5000",
          "5001",
          "5173",
          "7860",
          "8000-8099",
          "8181",
          "8282",
          "8888",
          "9000",
          "9080",
          "9090",
          "9200",
          "8983");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    Stage stage = last.get();
    Optional<Instruction> start = Stages.lastInChain(stage, "CMD", "ENTRYPOINT");
    if (start.isEmpty() || startsInteractiveShell(start.get())) {
      return List.of();
    }
    SourceFile source = dockerfile.source();
    Optional<Instruction> healthcheck = Stages.lastInChain(stage, "HEALTHCHECK");
    boolean none = healthcheck.map(Stages::isHealthcheckNone).orElse(false);
    if (healthcheck.isPresent() && !none) {
      return List.of();
    }
    Optional<String> probe = probe(stage, context);
    if (none) {
      Instruction off = healthcheck.get();
      Fix fix =
          probe
              .map(
                  p ->
                      Fix.of(
                          "Replace HEALTHCHECK NONE with an HTTP probe",
                          replaceLine(source, off, p)))
              .orElse(null);
      return List.of(
          finding(
              source,
              off.span(),
              "HEALTHCHECK NONE turns off health checking for this service; "
                  + probe.map(p -> "probe it instead, e.g. " + p).orElse(ADVICE),
              fix));
    }
    Fix fix =
        probe
            .flatMap(p -> InsertLine.beforeStart(source, stage, p))
            .map(e -> Fix.of("Add an HTTP health check (point it at your health endpoint)", e))
            .orElse(null);
    return List.of(
        finding(
            source,
            // The FROM keyword, not the whole line: other rules' fixes edit the image reference,
            // and a finding must stay recognisably the same across them.
            stage.from().keywordSpan(),
            "The final stage starts a service but has no HEALTHCHECK; "
                + probe.map(p -> "add one before CMD/ENTRYPOINT, e.g. " + p).orElse(ADVICE),
            fix));
  }

  private static final java.util.Set<String> SHELLS =
      java.util.Set.of(
          "sh",
          "bash",
          "ash",
          "zsh",
          "dash",
          "powershell",
          "powershell.exe",
          "pwsh",
          "cmd",
          "cmd.exe");

  /**
   * Whether the image only starts a shell ({@code CMD ["bash"]}, {@code ENTRYPOINT
   * powershell.exe}): a tool or base image for interactive use, not a service with a health to
   * probe.
   */
  private static boolean startsInteractiveShell(Instruction start) {
    List<Word> words = start.args();
    if (words.isEmpty() || words.size() > 2) {
      return false;
    }
    String cmd = words.get(0).value();
    String name = cmd.substring(cmd.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    boolean loginFlag = words.size() == 2 && words.get(1).value().matches("-[il]+");
    return SHELLS.contains(name) && (words.size() == 1 || loginFlag);
  }

  private static final String ADVICE =
      "add HEALTHCHECK "
          + OPTIONS
          + " CMD <a command that fails when the service is unhealthy> (for HTTP services, install"
          + " curl or wget and probe the health endpoint; for others, the service's own client)";

  private static TextEdit replaceLine(SourceFile source, Instruction ins, String line) {
    int start = source.lineStart(ins.span().startLine());
    return new TextEdit(start, ins.span().endOffset(), LineEdits.indentOf(source, ins) + line);
  }

  /** The HEALTHCHECK line to add, when the image has a probe tool and an HTTP-looking port. */
  private static Optional<String> probe(Stage stage, RuleContext context) {
    Set<String> tools = tools(stage, context);
    OptionalInt port =
        exposedPort(stage, context.options().getStringList("http_ports", DEFAULT_HTTP_PORTS));
    if (port.isEmpty() || tools.isEmpty()) {
      return Optional.empty();
    }
    String url = "http://127.0.0.1:" + port.getAsInt() + "/";
    String cmd = tools.contains("curl") ? "curl -fsS " + url : "wget -q -O /dev/null " + url;
    return Optional.of("HEALTHCHECK " + OPTIONS + " CMD " + cmd + " || exit 1");
  }

  private static Set<String> tools(Stage stage, RuleContext context) {
    Set<String> tools = new LinkedHashSet<>();
    BaseImageTable table = BaseImageTable.of(context.data());
    Stages.baseImage(stage)
        .ifPresent(ref -> tools.addAll(table.probeTools(afterSlimFix(table, ref))));
    for (Instruction ins : Stages.chainInstructions(stage)) {
      if (ins.is("RUN")) {
        Set<String> installed = ShellText.installedPackages(ins);
        for (String tool : List.of("curl", "wget")) {
          if (installed.contains(tool)) {
            tools.add(tool);
          }
        }
      }
    }
    tools.retainAll(Set.of("curl", "wget"));
    return tools;
  }

  /**
   * The base image as base-image-full's fix would leave it. A full variant's curl and wget come
   * with the build tools that fix removes; relying on them would let the two fixes, applied
   * together, ship a health check whose probe is gone.
   */
  private static ImageRef afterSlimFix(BaseImageTable table, ImageRef ref) {
    return table
        .variant(ref)
        .flatMap(v -> BaseImageTable.suggest(v, ref.tag()))
        .filter(BaseImageTable.SlimSuggestion::mechanical)
        .map(s -> new ImageRef(s.image() + ":" + s.tag(), ref.registry(), s.image(), s.tag(), null))
        .orElse(ref);
  }

  /** The first TCP port EXPOSEd by the chain (final stage first) that is a known HTTP port. */
  private static OptionalInt exposedPort(Stage stage, List<String> httpPorts) {
    for (Stage s : Stages.chain(stage)) {
      for (Instruction expose : s.all("EXPOSE")) {
        for (Word w : expose.args()) {
          String v = s.scope().expand(w, expose).orElse("").trim();
          if (v.contains("/") && !v.toLowerCase(Locale.ROOT).endsWith("/tcp")) {
            continue;
          }
          String number = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
          if (number.matches("[0-9]{1,5}") && inRanges(Integer.parseInt(number), httpPorts)) {
            return OptionalInt.of(Integer.parseInt(number));
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  private static boolean inRanges(int port, List<String> ranges) {
    for (String r : ranges) {
      String[] ends = r.trim().split("-", 2);
      try {
        int low = Integer.parseInt(ends[0].trim());
        int high = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : low;
        if (port >= low && port <= high) {
          return true;
        }
      } catch (NumberFormatException notARange) {
        // The policy schema validates options; a malformed entry simply matches nothing.
      }
    }
    return false;
  }
}
