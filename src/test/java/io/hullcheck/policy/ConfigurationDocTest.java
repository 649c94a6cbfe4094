package io.hullcheck.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/configuration.md cannot drift from the schema: every key is documented, every policy example
 * is valid, every compose example loads, and the glob table's examples hold.
 */
class ConfigurationDocTest {
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```yaml\\n(.*?)^```");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }

  /** The text of the section under {@code ### `key`}, up to the next heading. */
  private static String section(String doc, String key) {
    int start = doc.indexOf("### `" + key + "`");
    assertTrue(start >= 0, "no section for `" + key + "`");
    int end = doc.indexOf("\n#", start + 4);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  @Test
  void everyTopLevelKeyHasItsOwnSection() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^### `([a-z_]+)`$").matcher(doc());
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(new TreeSet<>(PolicySchema.get().keys("")), documented);
  }

  @Test
  void everyNestedKeyAndValueIsNamedInItsSection() throws IOException {
    String doc = doc();
    PolicySchema schema = PolicySchema.get();
    Map<String, List<String>> nested =
        Map.of(
            "review", schema.keys("/properties/review"),
            "paths", schema.keys("/properties/paths"),
            "overrides", schema.keys("/properties/overrides/items"),
            "hadolint", schema.keys("/properties/hadolint"),
            "rules", schema.keys("/$defs/ruleEntry/else"),
            "categories", schema.keys("/$defs/categories"),
            "extends", schema.enumValues("/$defs/packName"),
            "fail_on", schema.enumValues("/properties/fail_on"));
    List<String> missing = new ArrayList<>();
    for (var e : nested.entrySet()) {
      String section = section(doc, e.getKey());
      for (String name : e.getValue()) {
        if (!section.contains("`" + name + "`")) {
          missing.add(e.getKey() + "." + name);
        }
      }
    }
    for (String value : schema.enumValues("/properties/review/properties/event")) {
      if (!section(doc, "review").contains("`" + value + "`")) {
        missing.add("review.event " + value);
      }
    }
    for (String value : schema.enumValues("/$defs/level")) {
      if (!section(doc, "rules").contains("`" + value + "`")) {
        missing.add("rules level " + value);
      }
    }
    assertEquals(List.of(), missing);
  }

  @TestFactory
  Stream<DynamicTest> everyYamlExampleIsValid() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    String doc = doc();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      String yaml = m.group(1);
      int line = (int) doc.substring(0, m.start()).lines().count() + 1;
      String name = "docs/configuration.md:" + line;
      tests.add(DynamicTest.dynamicTest(name, () -> check(name, yaml)));
    }
    assertTrue(tests.size() >= 12, "expected an example per key, found " + tests.size());
    return tests.stream();
  }

  private static void check(String name, String yaml) {
    if (yaml.startsWith("services:")) {
      ComposeFile f;
      try {
        f = ComposeLoader.load(new SourceFile(name, yaml), Map.of());
      } catch (UnsupportedOperationException notYet) {
        return; // the compose loader has not landed in this branch yet
      }
      assertEquals(List.of(), f.problems(), name);
      return;
    }
    PolicyLoader.RepoFiles files =
        p ->
            p.equals("build/hadolint.yaml")
                ? java.util.Optional.of("ignored: [DL3008]\n")
                : java.util.Optional.empty();
    PolicyResult r = PolicyLoader.parse(name, yaml, files);
    assertTrue(r.ok(), () -> name + ": " + r.errors());
    assertFalse(yaml.isBlank());
  }

  @Test
  void theGlobTableHolds() throws IOException {
    String doc = doc();
    String table = doc.substring(doc.indexOf("| Pattern |"), doc.indexOf("`**` must be"));
    int rows = 0;
    for (String row : table.lines().skip(2).toList()) {
      String[] cells = row.split("\\|");
      if (cells.length < 5) {
        continue;
      }
      rows++;
      for (String pattern : ticked(cells[1])) {
        Glob g = Glob.compile(pattern);
        for (String yes : ticked(cells[3])) {
          assertTrue(g.matches(yes), pattern + " should match " + yes);
        }
        for (String no : ticked(cells[4])) {
          assertFalse(g.matches(no), pattern + " should not match " + no);
        }
      }
    }
    assertEquals(8, rows);
  }

  private static List<String> ticked(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = TICKED.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
