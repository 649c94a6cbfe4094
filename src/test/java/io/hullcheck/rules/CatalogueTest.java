package io.hullcheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.hullcheck.report.CatalogueReport;
import io.hullcheck.report.Concerns;
import io.hullcheck.testing.Corpus;
import io.hullcheck.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every registered rule is complete: a unique kebab-case id, a title without a trailing period, a
 * rationale, a docs page, fixtures both ways, a fix pair when fixable, equivalents only for known
 * tools. Failures list every gap at once.
 */
class CatalogueTest {
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Test
  void everyRuleIsComplete() {
    List<String> gaps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Rule rule : Registry.all()) {
      RuleMeta m = rule.meta();
      String id = m.id();
      if (!seen.add(id)) {
        gaps.add(id + ": id used twice");
      }
      if (!KEBAB.matcher(id).matches()) {
        gaps.add(id + ": id is not kebab-case");
      }
      if (m.title().isBlank() || m.title().endsWith(".")) {
        gaps.add(id + ": title must be non-empty without a trailing period: " + m.title());
      }
      if (m.rationale().isBlank()) {
        gaps.add(id + ": no rationale");
      }
      boolean targetMatches =
          ((m.target() == Target.DOCKERFILE || m.target() == Target.REPOSITORY)
                  && rule instanceof DockerfileRule)
              || (m.target() == Target.COMPOSE && rule instanceof ComposeRule);
      if (!targetMatches) {
        gaps.add(id + ": target " + m.target().id() + " does not match the rule's interface");
      }
      if (!Files.isRegularFile(Path.of(m.docsPath()))) {
        gaps.add(id + ": no docs page " + m.docsPath());
      }
      for (String tool : m.equivalents().keySet()) {
        if (!CatalogueReport.TOOLS.contains(tool)) {
          gaps.add(id + ": equivalents name unknown tool " + tool);
        }
      }
      Path dir = Fixtures.FIXTURES.resolve(id);
      List<Path> files = Files.isDirectory(dir) ? Fixtures.files(dir) : List.of();
      List<Path> scenarios = Files.isDirectory(dir) ? Fixtures.scenarios(dir) : List.of();
      boolean positive =
          files.stream()
                  .anyMatch(
                      f ->
                          !f.getFileName().toString().startsWith("clean-")
                              && !Fixtures.expectations(Fixtures.read(f)).isEmpty())
              || scenarios.stream()
                  .anyMatch(
                      sc ->
                          !sc.getFileName().toString().startsWith("clean-")
                              && Fixtures.scenarioInputs(sc).stream()
                                  .anyMatch(
                                      i -> !Fixtures.expectations(i.source().text()).isEmpty()));
      boolean negative =
          Stream.concat(files.stream(), scenarios.stream())
              .anyMatch(f -> f.getFileName().toString().startsWith("clean-"));
      if (!positive) {
        gaps.add(id + ": no positive fixture (a file with # expect markers) in " + dir);
      }
      if (!negative) {
        gaps.add(id + ": no negative fixture (clean-*) in " + dir);
      }
      Path fixes = Fixtures.FIXES.resolve(id);
      boolean pair = false;
      for (Path d : List.of(fixes, Fixtures.ONLINE_FIXES.resolve(id))) {
        pair |=
            Files.isDirectory(d)
                && (Fixtures.files(d).stream()
                        .anyMatch(f -> f.getFileName().toString().contains(".before."))
                    || Fixtures.scenarios(d).stream()
                        .anyMatch(sc -> Files.isDirectory(sc.resolve("before"))));
      }
      if (m.fixable() && !pair) {
        gaps.add(id + ": fixable but no before/after pair in " + fixes);
      }
    }
    if (!gaps.isEmpty()) {
      fail(gaps.size() + " gaps in the catalogue:\n  " + String.join("\n  ", gaps));
    }
  }

  @Test
  void fixtureDirectoriesNameKnownRules() {
    Set<String> known = Fixtures.knownRules().keySet();
    List<String> unknown = new ArrayList<>();
    for (Path root : List.of(Fixtures.FIXTURES, Fixtures.FIXES, Fixtures.ONLINE_FIXES)) {
      for (Path dir : Fixtures.dirs(root)) {
        if (!known.contains(dir.getFileName().toString())) {
          unknown.add(dir.toString());
        }
      }
    }
    assertEquals(List.of(), unknown, "fixture directories for rules that do not exist");
  }

  /**
   * The concern table covers every row of the study, each with rules that exist or a note saying
   * why none does. Where the study is beside the corpus, its row numbers and ours agree.
   */
  @Test
  void everyConcernOfTheStudyHasRulesOrAReason() throws Exception {
    Set<String> ids = new HashSet<>();
    Registry.catalogue().forEach(m -> ids.add(m.id()));
    List<String> gaps = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (Concerns c : Concerns.all()) {
      rows.add(c.row());
      if (c.rules().isEmpty() && (c.note() == null || c.note().isBlank())) {
        gaps.add(c.row() + ": neither rules nor a note");
      }
      c.rules().stream()
          .filter(id -> !ids.contains(id))
          .forEach(id -> gaps.add(c.row() + ": names unknown rule " + id));
    }
    assertEquals(List.of(), gaps);
    assertEquals(
        IntStream.rangeClosed(1, rows.size()).boxed().toList(), rows, "rows 1..n in order");
    Optional<Path> corpus = Corpus.dir();
    Path study =
        corpus.map(p -> p.resolve("../research/rules-anchors.md").normalize()).orElse(null);
    if (study != null && Files.isRegularFile(study)) {
      List<Integer> theirs = new ArrayList<>();
      Matcher m = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(Files.readString(study));
      while (m.find()) {
        theirs.add(Integer.parseInt(m.group(1)));
      }
      assertEquals(theirs, rows, "the rows of " + study);
    }
  }

  @Test
  void rulesPageIsCurrent() throws Exception {
    Path page = Path.of("docs/rules.md");
    String expected = CatalogueReport.markdown(Registry.catalogue());
    String actual = Files.isRegularFile(page) ? Files.readString(page) : "";
    assertEquals(
        expected,
        actual,
        "docs/rules.md is out of date; regenerate it with: mvn -o -B -q -DskipTests package &&"
            + " java -jar target/hullcheck.jar rules --format markdown > docs/rules.md");
  }
}
