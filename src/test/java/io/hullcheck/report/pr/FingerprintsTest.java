package io.hullcheck.report.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fingerprints survive moved lines and changed messages, and tell repeats apart by order. */
class FingerprintsTest {

  private static Finding at(SourceFile s, String rule, String target, int nth, String message) {
    int at = -1;
    for (int i = 0; i <= nth; i++) {
      at = s.text().indexOf(target, at + 1);
    }
    return new Finding(
        rule,
        Severity.WARNING,
        Category.USER,
        s.path(),
        s.span(at, at + target.length()),
        message,
        null,
        null,
        null);
  }

  @Test
  void stableWhenLinesShiftAndMessagesChange() {
    SourceFile before = new SourceFile("Dockerfile", "FROM python:latest\nCMD x\n");
    SourceFile after =
        new SourceFile("Dockerfile", "# a comment\n\nFROM   python:latest\nRUN y\nCMD x\n");
    String fp1 =
        Fingerprints.of(
                List.of(at(before, "image-tag", "FROM python:latest", 0, "tag is latest")),
                Map.of("Dockerfile", before))
            .get(0);
    String fp2 =
        Fingerprints.of(
                List.of(at(after, "image-tag", "FROM   python:latest", 0, "tag 'latest' floats")),
                Map.of("Dockerfile", after))
            .get(0);
    assertEquals(fp1, fp2);
  }

  @Test
  void repeatsAreNumberedInFileOrderAndRulesAndPathsSeparate() {
    SourceFile s = new SourceFile("compose.yaml", "a:\n  - \"80:80\"\nb:\n  - \"80:80\"\n");
    Finding first = at(s, "port-all-interfaces", "\"80:80\"", 0, "m");
    Finding second = at(s, "port-all-interfaces", "\"80:80\"", 1, "m");
    List<String> fps = Fingerprints.of(List.of(second, first), Map.of("compose.yaml", s));
    assertNotEquals(fps.get(0), fps.get(1));
    List<String> again = Fingerprints.of(List.of(first, second), Map.of("compose.yaml", s));
    assertEquals(fps.get(1), again.get(0), "the first occurrence keeps its fingerprint");
    Finding otherRule = at(s, "other-rule", "\"80:80\"", 0, "m");
    assertNotEquals(
        again.get(0), Fingerprints.of(List.of(otherRule), Map.of("compose.yaml", s)).get(0));
  }

  @Test
  void markerRoundTrips() {
    String body = "text\n\n" + Fingerprints.marker("0123456789abcdef", "user-root");
    Fingerprints.Marker m = Fingerprints.parse(body).orElseThrow();
    assertEquals("0123456789abcdef", m.fingerprint());
    assertEquals("user-root", m.ruleId());
    assertEquals(true, Fingerprints.parse("no marker").isEmpty());
  }
}
