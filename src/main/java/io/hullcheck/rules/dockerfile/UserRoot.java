package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.ImageRef;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Globs;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.ShellText;
import io.hullcheck.rules.support.Stages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The final stage runs as root. Only the final stage and the stages it builds FROM count: a builder
 * stage's user never reaches the image. The user in effect is the last USER of that chain, or the
 * base image's default, which is root unless the base-image table lists the image as non-root. A
 * USER whose value depends on an unknown variable, or a base image that cannot be resolved, gives
 * no finding. Windows images are skipped: their accounts are not Unix uids. So are images that
 * install or run gosu or su-exec, and official images whose entrypoint steps down to their own user
 * (the base-image table's {@code steps_down}) while the stage keeps that entrypoint and its server
 * command. Where USER would break the image (a stepping-down entrypoint the stage bypasses, or a
 * server with a root master and unprivileged workers, {@code root_master}) the finding has no fix.
 */
@RuleInfo(
    id = "user-root",
    title = "Final stage runs as root",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.USER,
    fixable = true,
    rationale =
        "A process that runs as root in a container is root on the host's kernel, one escape or"
            + " writable host mount away from the host. Switching to an unprivileged uid costs one"
            + " line.",
    hadolint = {"DL3002"},
    trivy = {"DS-0002"},
    kics = {"missing_user_instruction", "last_user_is_root"},
    checkov = {"CKV_DOCKER_3", "CKV_DOCKER_8"},
    cis = {"4.1"})
public final class UserRoot implements DockerfileRule {
  static final String DEFAULT_USER = "10001:10001";
  private static final List<String> STEP_DOWN_TOOLS = List.of("gosu", "su-exec");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    Stage stage = last.get();
    SourceFile source = dockerfile.source();
    String user = context.options().getString("user", DEFAULT_USER);
    if (dropsPrivilegesAtStart(stage)) {
      return List.of();
    }
    Optional<Instruction> lastUser = Stages.lastInChain(stage, "USER");
    if (lastUser.isPresent()) {
      Instruction ins = lastUser.get();
      Optional<String> value = userValue(dockerfile, ins);
      if (value.isEmpty() || !isRoot(value.get())) {
        return List.of();
      }
      String written = ins.args().get(0).value();
      String shown = value.get().equals(written) ? written : written + " (= " + value.get() + ")";
      return List.of(
          finding(
              source,
              ins.span(),
              "The user in effect in the final stage is USER "
                  + shown
                  + ", so the container runs as root; switch to an unprivileged user such as USER "
                  + user
                  + " after the steps that need root",
              InsertLine.beforeStart(source, stage, "USER " + user, "USER", "RUN")
                  .map(e -> Fix.of("Run as " + user + " from here on", e))
                  .orElse(null)));
    }
    if (isWindows(stage) || !baseRunsAsRoot(stage, context)) {
      return List.of();
    }
    // The FROM keyword, not the whole line: other rules' fixes edit the image reference, and a
    // finding must stay recognisably the same across them.
    Span at = stage.from().keywordSpan();
    BaseImageTable table = BaseImageTable.of(context.data());
    Optional<ImageRef> base = Stages.baseImage(stage);
    Optional<BaseImageTable.ImageGlob> stepsDown = base.flatMap(table::stepsDown);
    if (stepsDown.isPresent()) {
      Optional<String> replaced = replacedStart(stage, stepsDown.get().commands());
      if (replaced.isEmpty()) {
        return List.of();
      }
      return List.of(
          finding(
              source,
              at,
              "The final stage sets no USER and "
                  + replaced.get()
                  + ", so the base image's entrypoint no longer switches to its own user and the"
                  + " container runs as root; start "
                  + String.join(" or ", stepsDown.get().commands())
                  + " through the image's entrypoint, or set USER to the image's user"));
    }
    Optional<BaseImageTable.ImageGlob> rootMaster = base.flatMap(table::rootMaster);
    if (rootMaster.isPresent()) {
      return List.of(
          finding(
              source,
              at,
              "The final stage sets no USER, so the server's master process runs as root; "
                  + rootMaster.get().advice()));
    }
    return List.of(
        finding(
            source,
            at,
            "The final stage sets no USER, so the container runs as root; add USER "
                + user
                + " (a numeric uid needs no /etc/passwd entry) before CMD/ENTRYPOINT",
            InsertLine.beforeStart(source, stage, "USER " + user, "USER", "RUN")
                .map(
                    e ->
                        Fix.of("Run as " + user + " (files the app writes must be owned by it)", e))
                .orElse(null)));
  }

  /**
   * How the stage keeps a stepping-down entrypoint from running its server as the image's user: its
   * own ENTRYPOINT replaces the entrypoint, and a CMD the entrypoint does not recognise (shell
   * form, which starts {@code /bin/sh}, or an exec form whose first word is not one of {@code
   * commands} and not an option) runs as root. Empty when the image's entrypoint still steps down.
   */
  private static Optional<String> replacedStart(Stage stage, List<String> commands) {
    if (Stages.lastInChain(stage, "ENTRYPOINT").isPresent()) {
      return Optional.of("replaces the base image's ENTRYPOINT");
    }
    Optional<Instruction> cmd = Stages.lastInChain(stage, "CMD");
    if (cmd.isEmpty()) {
      return Optional.empty();
    }
    if (!cmd.get().execForm() || cmd.get().args().isEmpty()) {
      return Optional.of("its shell-form CMD starts /bin/sh, not the server");
    }
    String first = cmd.get().args().get(0).value();
    if (first.startsWith("-") || commands.contains(first)) {
      return Optional.empty();
    }
    return Optional.of("its CMD starts " + first + ", not " + String.join(" or ", commands));
  }

  /** The user part of USER after expansion; empty when it depends on an unknown variable. */
  private static Optional<String> userValue(Dockerfile dockerfile, Instruction ins) {
    if (ins.args().isEmpty() || ins.stageIndex() < 0) {
      return Optional.empty();
    }
    Stage owner = dockerfile.stages().get(ins.stageIndex());
    return owner.scope().expand(ins.args().get(0), ins).map(String::trim);
  }

  /**
   * Whether the image steps down from root when it starts: it installs or runs gosu or su-exec, the
   * official images' pattern (the entrypoint fixes volume ownership as root, then execs the server
   * as its own user). USER would break that entrypoint.
   */
  private static boolean dropsPrivilegesAtStart(Stage stage) {
    for (Instruction ins : Stages.chainInstructions(stage)) {
      if (!ins.is("RUN")) {
        continue;
      }
      for (Shell.Command c : ShellText.commands(ins)) {
        if (STEP_DOWN_TOOLS.contains(c.unwrapped().name())) {
          return true;
        }
      }
      Set<String> installed = ShellText.installedPackages(ins);
      if (STEP_DOWN_TOOLS.stream().anyMatch(installed::contains)) {
        return true;
      }
    }
    return false;
  }

  /** {@code root}, {@code 0}, {@code 0:0}, {@code root:<group>}, {@code 0:<group>}. */
  static boolean isRoot(String userSpec) {
    String userPart =
        userSpec.contains(":") ? userSpec.substring(0, userSpec.indexOf(':')) : userSpec;
    if (userPart.equals("root")) {
      return true;
    }
    return !userPart.isEmpty() && userPart.chars().allMatch(c -> c == '0');
  }

  /**
   * Whether the chain's base image runs as root by default: true for scratch and for images not
   * listed as non-root; false when the base is unknown (never guessed) or listed as non-root.
   */
  private static boolean baseRunsAsRoot(Stage stage, RuleContext context) {
    if (Stages.fromScratch(stage)) {
      return true;
    }
    Optional<ImageRef> base = Stages.baseImage(stage);
    if (base.isEmpty()) {
      return false;
    }
    List<String> extra = context.options().getStringList("nonroot_images", List.of());
    String name = Stages.canonicalName(base.get());
    if (extra.stream().anyMatch(g -> Globs.matches(g, name))) {
      return false;
    }
    return !BaseImageTable.of(context.data()).runsAsNonRoot(base.get());
  }

  private static boolean isWindows(Stage stage) {
    return Stages.baseImage(stage)
        .map(
            ref -> {
              String name = Stages.canonicalName(ref).toLowerCase(Locale.ROOT);
              String tag = ref.tag() == null ? "" : ref.tag().toLowerCase(Locale.ROOT);
              return name.startsWith("mcr.microsoft.com/windows")
                  || tag.contains("windowsservercore")
                  || tag.contains("nanoserver");
            })
        .orElse(false);
  }
}
