package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.rules.Registry;
import io.hullcheck.rules.RuleMeta;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The option lists in the schema ({@code $defs/ruleOptions/$defs}) match what the rules read: every
 * {@code options().getX("name", ...)} in a rule's source is listed for that rule, and the schema
 * lists options only for rules that exist. A rule that starts reading a new option must add it to
 * the schema, or users' files naming it would be rejected.
 */
class RuleOptionsSchemaTest {
  private static final Pattern READ =
      Pattern.compile("options\\(\\)\\s*\\.get\\w+\\(\"([a-z_]+)\"");
  private static final Pattern ID = Pattern.compile("id = \"([a-z0-9-]+)\"");

  @Test
  void everyOptionARuleReadsIsInTheSchema() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/hullcheck/rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String src = Files.readString(f);
        Matcher id = ID.matcher(src);
        if (!id.find()) {
          continue;
        }
        Matcher read = READ.matcher(src);
        while (read.find()) {
          String pointer =
              "/$defs/ruleOptions/$defs/" + id.group(1) + "/properties/" + read.group(1);
          if (PolicySchema.get().json().at(pointer).isMissingNode()) {
            missing.add(id.group(1) + "." + read.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing, "options read by rules but missing from the schema");
  }

  @Test
  void theSchemaListsOptionsOnlyForRulesThatExist() {
    Set<String> ids = Registry.catalogue().stream().map(RuleMeta::id).collect(Collectors.toSet());
    Set<String> unknown = new TreeSet<>();
    PolicySchema.get()
        .json()
        .at("/$defs/ruleOptions/$defs")
        .fieldNames()
        .forEachRemaining(
            id -> {
              if (!ids.contains(id)) {
                unknown.add(id);
              }
            });
    assertEquals(Set.of(), unknown);
  }
}
