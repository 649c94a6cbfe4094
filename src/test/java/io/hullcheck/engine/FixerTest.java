package io.hullcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.model.SourceFile;
import io.hullcheck.testing.TestPolicy;
import io.hullcheck.testing.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixerTest {
  private static final Fixer FIXER = new Fixer(new Engine(TestRules.all()));

  @Test
  void appliesEveryVerifiedFixAndReachesAFixedPoint() {
    InputFile file =
        new InputFile(
            new SourceFile(
                "Dockerfile",
                "FROM alpine:3.20\nMAINTAINER a\nEXPOSE 80\nMAINTAINER b\nCMD [\"x\"]\n"),
            FileKind.DOCKERFILE);
    TestPolicy policy = TestPolicy.only("test-maintainer", "test-expose");
    Fixer.Outcome once = FIXER.fix(file, policy);
    assertEquals(
        "FROM alpine:3.20\nLABEL maintainer=\"a\"\nLABEL maintainer=\"b\"\nCMD [\"x\"]\n",
        once.fixed());
    assertEquals(3, once.applied().size());
    Fixer.Outcome twice = FIXER.fix(file.withText(once.fixed()), policy);
    assertEquals(once.fixed(), twice.fixed());
    assertEquals(List.of(), twice.applied());
  }

  @Test
  void unverifiedFixesAreNotApplied() {
    InputFile file =
        new InputFile(
            new SourceFile("Dockerfile", "FROM alpine:3.20\nEXPOSE 80\n"), FileKind.DOCKERFILE);
    Fixer.Outcome o =
        FIXER.fix(
            file,
            TestPolicy.only("test-expose")
                .withOptions("test-expose", java.util.Map.of("mode", "keep")));
    assertEquals(file.source().text(), o.fixed());
  }
}
