package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.compose.ComposeMemoryLimitRule;
import io.hullcheck.rules.compose.PrivilegedRule;
import io.hullcheck.testing.TestPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Findings and fixes of a compose project: each in the file it must change, the fix verified by
 * re-checking the project, and the override not checked a second time on its own.
 */
class ProjectFixTest {
  private static final String BASE = "services:\n  web:\n    image: nginx:1.27\n";
  private static final String OVERRIDE =
      "services:\n  web:\n    privileged: true\n    mem_limit: 256m\n"
          + "  debug:\n    image: busybox:1.36\n";

  private static List<InputFile> files() {
    return List.of(
        new InputFile(new SourceFile("compose.yaml", BASE), FileKind.COMPOSE),
        new InputFile(new SourceFile("compose.override.yaml", OVERRIDE), FileKind.COMPOSE));
  }

  @Test
  void aValueSetInTheOverrideIsFixedInTheOverride() {
    ScanResult r =
        new Engine(List.of(new PrivilegedRule())).check(files(), TestPolicy.only("privileged"));
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals("compose.override.yaml", f.path());
    assertEquals(3, f.span().startLine());
    assertNotNull(f.fix(), "the fix is verified against the project");
    String fixed = f.fix().applyTo(OVERRIDE);
    assertEquals(false, fixed.contains("privileged: true"), fixed);
  }

  @Test
  void aMissingLimitIsReportedAndFixedWhereTheServiceIsDefined() {
    ScanResult r =
        new Engine(List.of(new ComposeMemoryLimitRule()))
            .check(files(), TestPolicy.only("compose-memory-limit"));
    // web has the override's limit; debug, defined only in the override, has none.
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertEquals("compose.override.yaml:5", f.path() + ":" + f.span().startLine());
    assertNotNull(f.fix());
    Map<String, String> after = Map.of("compose.override.yaml", f.fix().applyTo(OVERRIDE));
    ScanResult again =
        new Engine(List.of(new ComposeMemoryLimitRule()))
            .check(
                List.of(
                    new InputFile(new SourceFile("compose.yaml", BASE), FileKind.COMPOSE),
                    new InputFile(
                        new SourceFile("compose.override.yaml", after.get("compose.override.yaml")),
                        FileKind.COMPOSE)),
                TestPolicy.only("compose-memory-limit"));
    assertEquals(List.of(), again.findings());
  }
}
