package io.hullcheck.rules;

import io.hullcheck.dockerfile.Dockerfile;
import java.util.List;

/** A rule over one parsed Dockerfile. */
public interface DockerfileRule extends Rule {
  List<Finding> check(Dockerfile dockerfile, RuleContext context);
}
