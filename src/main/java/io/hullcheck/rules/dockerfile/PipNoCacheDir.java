package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Shell;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code pip install} ({@code pip}, {@code pip3}, {@code pip3.12}, {@code python -m pip}) without
 * {@code --no-cache-dir} in a stage the final image is built from. Exempt: {@code PIP_NO_CACHE_DIR}
 * set by ENV or ARG earlier in the stage chain or on the command, and a RUN with a cache mount
 * (BuildKit keeps the cache out of the layer).
 */
@RuleInfo(
    id = "pip-no-cache-dir",
    title = "pip install keeps its download cache in the image",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.BUILD_HYGIENE,
    fixable = true,
    rationale =
        "pip caches every wheel it downloads under ~/.cache/pip; in an image that cache is dead"
            + " weight, often as large as the packages themselves.",
    hadolint = {"DL3042"},
    kics = {"pip_install_keeping_cached_packages"})
public final class PipNoCacheDir implements DockerfileRule {
  private static final String VARIABLE = "PIP_NO_CACHE_DIR";

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    boolean set = false;
    for (Instruction ins : Stages.chainInstructions(last.get())) {
      if ((ins.is("ENV") || ins.is("ARG")) && ins.keyValue(VARIABLE).isPresent()) {
        set = true;
      }
      if (set || !ins.is("RUN") || !ins.flags("mount").isEmpty() && cacheMount(ins)) {
        continue;
      }
      for (RunScript.Cmd c : RunScript.commands(dockerfile, ins)) {
        Optional<Shell.Word> install = Pip.install(c.command());
        if (install.isEmpty()
            || c.command().hasFlag("--no-cache-dir")
            || c.raw().assignments().stream().anyMatch(a -> a.value().startsWith(VARIABLE + "="))) {
          continue;
        }
        OptionalInt at = c.after(install.get());
        Fix fix =
            at.isPresent()
                ? Fix.of("Add --no-cache-dir", TextEdit.insert(at.getAsInt(), " --no-cache-dir"))
                : null;
        findings.add(
            finding(
                dockerfile.source(),
                c.span(),
                "pip install keeps its download cache in the image; add --no-cache-dir (or set"
                    + " ENV PIP_NO_CACHE_DIR=1 once, or use a cache mount)",
                fix));
      }
    }
    return findings;
  }

  private static boolean cacheMount(Instruction run) {
    return run.flags("mount").stream()
        .anyMatch(f -> f.value() != null && List.of(f.value().split(",")).contains("type=cache"));
  }
}
