package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YScalar;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.DockerfileParser;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.support.Stages;
import java.util.Optional;

/**
 * The stage of a Dockerfile that a compose service builds: {@code build.dockerfile_inline}, or the
 * file at {@code build.context} joined with {@code build.dockerfile} (relative to the compose file
 * that writes {@code build}) read through {@link RuleContext#files()}; {@code build.target} picks
 * the stage, else the last one. Empty whenever any of that is unknown: a remote or absolute
 * context, an interpolated value with no default, a file the caller does not have, a target that
 * names no stage.
 */
final class BuiltImage {
  private BuiltImage() {}

  static Optional<Stage> stage(ComposeFile compose, Service s, RuleContext context) {
    Service.Build b = s.build();
    if (b == null) {
      return Optional.empty();
    }
    Optional<Dockerfile> dockerfile = dockerfile(compose, b, context);
    if (dockerfile.isEmpty()) {
      return Optional.empty();
    }
    Optional<YScalar> target =
        b.node() instanceof YMap m ? m.scalar("target").filter(t -> !t.isNull()) : Optional.empty();
    if (target.isEmpty()) {
      return dockerfile.get().finalStage();
    }
    if (!target.get().known()) {
      return Optional.empty();
    }
    return dockerfile.get().stageNamed(target.get().value(), Integer.MAX_VALUE);
  }

  private static Optional<Dockerfile> dockerfile(
      ComposeFile compose, Service.Build b, RuleContext context) {
    Optional<YScalar> inline = b.dockerfileInline();
    if (inline.isPresent()) {
      return inline
          .filter(YScalar::known)
          .map(t -> DockerfileParser.parse(new SourceFile("dockerfile_inline", t.value())));
    }
    return compose
        .dockerfilePath(b)
        .flatMap(
            path ->
                context
                    .files()
                    .read(path)
                    .map(text -> DockerfileParser.parse(new SourceFile(path, text))));
  }

  /**
   * Whether the stage has a health check in effect: the last HEALTHCHECK of its chain, unless that
   * is {@code HEALTHCHECK NONE}. False also when the check could come from the base image, which
   * cannot be known offline.
   */
  static boolean hasHealthcheck(Stage stage) {
    return Stages.lastInChain(stage, "HEALTHCHECK")
        .filter(hc -> !Stages.isHealthcheckNone(hc))
        .isPresent();
  }
}
