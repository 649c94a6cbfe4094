package io.hullcheck.rules;

import io.hullcheck.compose.ComposeFile;
import java.util.List;

/** A rule over one loaded compose file. */
public interface ComposeRule extends Rule {
  List<Finding> check(ComposeFile compose, RuleContext context);
}
