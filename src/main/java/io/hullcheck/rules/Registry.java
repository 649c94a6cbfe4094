package io.hullcheck.rules;

import io.hullcheck.rules.compose.ComposeRules;
import io.hullcheck.rules.dockerfile.DockerfileRules;
import io.hullcheck.rules.meta.MetaRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The explicit list of every rule Hullcheck has. No classpath scanning. */
public final class Registry {
  private static final List<Rule> ALL;

  static {
    List<Rule> all = new ArrayList<>();
    all.addAll(DockerfileRules.all());
    all.addAll(ComposeRules.all());
    all.addAll(MetaRules.all());
    ALL = Collections.unmodifiableList(all);
  }

  private Registry() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static List<RuleMeta> catalogue() {
    return ALL.stream().map(Rule::meta).toList();
  }
}
