package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Limits the resource fixes write are never below a reservation: sizes and CPU shares compare as
 * numbers, and a reservation that cannot be compared leaves the finding without a fix.
 */
class LimitValueTest {

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "memory, 1024, 1024",
        "memory, 100b, 100",
        "memory, 1k, 1024",
        "memory, 1KB, 1024",
        "memory, 64m, 67108864",
        "memory, 64MB, 67108864",
        "memory, 2G, 2147483648",
        "memory, 2gb, 2147483648",
        "memory, 1.5g, 1610612736",
        "memory, 0.5GiB, 536870912",
        "memory, 1 g, 1073741824",
        "memory, 1t, 1099511627776",
        "memory, 2 gigs, null",
        "memory, -1, null",
        "memory, 1.5.2g, null",
        "cpus, 0.50, 0.50",
        "cpus, .25, 0.25",
        "cpus, 2, 2",
        "cpus, 1.5, 1.5",
        "cpus, 1e3, null",
        "pids, 200, 200",
        "pids, 2k, null",
      })
  void parses(String key, String text, BigDecimal expected) {
    BigDecimal parsed = LimitValue.parse(key, text);
    if (expected == null) {
      assertNull(parsed);
    } else {
      assertEquals(0, expected.compareTo(parsed), () -> text + " read as " + parsed);
    }
  }

  static Stream<Arguments> cases() {
    String memory = "services:\n  web:\n    image: a:1\n    mem_reservation: %s\n";
    String limits = "\n    deploy:\n      resources:\n        limits:\n          memory: %s\n";
    String cpus =
        "services:\n  web:\n    image: a:1\n    deploy:\n      resources:\n        reservations:\n"
            + "          cpus: %s\n";
    String cpuLimit = "        limits:\n          cpus: %s\n";
    return Stream.of(
        row(
            "a smaller reservation keeps the policy value",
            new ComposeMemoryLimitRule(),
            memory.formatted("64M"),
            "e.g. 512M",
            memory.formatted("64M").stripTrailing() + limits.formatted("512M")),
        row(
            "an equal reservation in other units keeps the policy value",
            new ComposeMemoryLimitRule(),
            memory.formatted("0.5g"),
            "e.g. 512M",
            memory.formatted("0.5g").stripTrailing() + limits.formatted("512M")),
        row(
            "a larger reservation is written instead",
            new ComposeMemoryLimitRule(),
            memory.formatted("2G"),
            "at least its memory reservation 2G",
            memory.formatted("2G").stripTrailing() + limits.formatted("2G")),
        row(
            "an unknown variable gives no fix",
            new ComposeMemoryLimitRule(),
            memory.formatted("${WEB_MEMORY}"),
            "at least its memory reservation ${WEB_MEMORY}",
            null),
        row(
            "a variable with a default can still be set higher, so no fix",
            new ComposeMemoryLimitRule(),
            memory.formatted("${WEB_MEMORY:-64M}"),
            "at least its memory reservation ${WEB_MEMORY:-64M}",
            null),
        row(
            "a size Compose would not read gives no fix",
            new ComposeMemoryLimitRule(),
            memory.formatted("lots"),
            "at least its memory reservation lots",
            null),
        row(
            "a reservation that is not a scalar gives no fix",
            new ComposeMemoryLimitRule(),
            memory.formatted("{a: 1}"),
            "at least the reservation block at line 4",
            null),
        row(
            "no limit for a reservation of 0",
            new ComposeMemoryLimitRule(),
            memory.formatted("0"),
            "e.g. 512M",
            memory.formatted("0").stripTrailing() + limits.formatted("512M")),
        row(
            "a larger decimal CPU reservation is written instead",
            new ComposeCpuLimitRule(),
            cpus.formatted("1.5"),
            "at least its CPU reservation 1.5",
            cpus.formatted("1.5") + cpuLimit.formatted("\"1.5\"")),
        row(
            "a smaller CPU reservation keeps the policy value",
            new ComposeCpuLimitRule(),
            cpus.formatted(".25"),
            "e.g. 0.50",
            cpus.formatted(".25") + cpuLimit.formatted("\"0.50\"")),
        row(
            "the shared block is raised to the other service's reservation",
            new ComposeMemoryLimitRule(),
            "x-limits: &limits\n  cpus: \"1\"\nservices:\n  a:\n    image: a:1\n    deploy:\n"
                + "      resources:\n        limits: *limits\n  b:\n    image: b:1\n"
                + "    mem_reservation: 1G\n    deploy:\n      resources:\n"
                + "        limits: *limits\n",
            "at least 1G, the memory reservation of service b, which gets the same block",
            "x-limits: &limits\n  cpus: \"1\"\n  memory: 1G\nservices:\n  a:\n    image: a:1\n"
                + "    deploy:\n      resources:\n        limits: *limits\n  b:\n    image: b:1\n"
                + "    mem_reservation: 1G\n    deploy:\n      resources:\n"
                + "        limits: *limits\n"));
  }

  private static Arguments row(
      String name, ComposeRule rule, String yaml, String advice, String fixed) {
    return Arguments.of(Named.of(name, rule), yaml, advice, fixed);
  }

  /** The first finding's message ends with {@code advice}; its fix gives {@code fixed}, or none. */
  @ParameterizedTest
  @MethodSource("cases")
  void choosesTheLimit(ComposeRule rule, String yaml, String advice, String fixed) {
    ComposeFile compose = ComposeLoader.load(new SourceFile("c.yaml", yaml), Map.of());
    List<Finding> findings = rule.check(compose, RuleContext.defaults());
    assertTrue(!findings.isEmpty(), "no finding");
    Finding f = findings.get(0);
    assertTrue(f.message().endsWith(advice), f.message());
    if (fixed == null) {
      assertNull(f.fix(), () -> f.fix().toString());
    } else {
      assertEquals(fixed, f.fix().applyTo(yaml));
    }
  }
}
