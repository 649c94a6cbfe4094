package io.hullcheck.rules.compose;

import io.hullcheck.compose.Service;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Picks the value a resource-limit fix writes: the policy's value, or the largest reservation of
 * the services that get the limit when that is larger. Docker refuses to start a container whose
 * memory limit is below its memory reservation, and a CPU limit below the CPU reservation promises
 * less than the service reserves, so a fix must never write one. When a reservation cannot be
 * compared (it depends on a variable, even one with a default, or is a size Hullcheck does not
 * read) there is no safe value and no fix. Pure and stateless.
 */
final class LimitValue {
  /** Service-level reservation keys for each limit key; only memory has one. */
  private static final Map<String, String> LEGACY_RESERVATIONS =
      Map.of("memory", "mem_reservation");

  /**
   * Memory sizes as Compose reads them (go-units): bytes, or a number with an optional decimal part
   * and b, k, m, g, t or p, with optional {@code i} and {@code b}, in any case. Lower-cased first.
   */
  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?(?:([kmgtp])i?)?b?");

  private static final Pattern CPUS = Pattern.compile("[0-9]*\\.?[0-9]+");

  private static final Pattern COUNT = Pattern.compile("[0-9]+");

  private LimitValue() {}

  /**
   * What to write and how the message should advise it.
   *
   * @param value the scalar text to write, or null when no value is safe (then there is no fix)
   * @param advice the end of the finding's message, such as {@code e.g. 512M} or {@code at least
   *     its memory reservation 2G}
   */
  record Choice(String value, String advice) {}

  /**
   * The value for limit {@code key} of {@code service}, written where {@code getting} all get it
   * ({@code service} first, then every other service that merges the block the fix extends), so
   * that it is at least each one's reservation.
   *
   * @param policy the rule's option, written when no reservation is larger
   */
  static Choice choose(Service service, List<Service> getting, String key, String policy) {
    BigDecimal most = null;
    String mostText = null;
    Service owner = null;
    for (Service s : getting) {
      for (YNode node : reservations(s, key)) {
        if (!(node instanceof YScalar reservation)) {
          String where = "the reservation block at line " + node.span().startLine();
          return new Choice(null, "at least " + where);
        }
        BigDecimal amount = dependsOnVariable(reservation) ? null : parse(key, reservation.value());
        if (amount == null) {
          return new Choice(null, "at least " + whose(service, s, key, reservation.raw()));
        }
        if (most == null || amount.compareTo(most) > 0) {
          most = amount;
          mostText = reservation.raw();
          owner = s;
        }
      }
    }
    if (most == null) {
      return new Choice(policy, "e.g. " + policy);
    }
    BigDecimal wanted = parse(key, policy);
    if (wanted != null && wanted.compareTo(most) >= 0) {
      return new Choice(policy, "e.g. " + policy);
    }
    // Raising to the reservation keeps its own spelling (2g stays 2g); equal is allowed.
    return new Choice(mostText, "at least " + whose(service, owner, key, mostText));
  }

  /** Names the reservation: the service's own, or another's that merges the same block. */
  private static String whose(Service service, Service owner, String key, String text) {
    String noun =
        switch (key) {
          case "cpus" -> "CPU";
          case "pids" -> "PIDs";
          default -> key;
        };
    return owner == service
        ? "its " + noun + " reservation " + text
        : text
            + ", the "
            + noun
            + " reservation of service "
            + owner.name()
            + ", which gets the same block";
  }

  /** The service's reservations for {@code key} that are set, in both styles. */
  private static List<YNode> reservations(Service s, String key) {
    Optional<YNode> deploy =
        s.body()
            .map("deploy")
            .flatMap(d -> d.map("resources"))
            .flatMap(r -> r.map("reservations"))
            .flatMap(r -> r.get(key));
    Optional<YNode> legacy =
        Optional.ofNullable(LEGACY_RESERVATIONS.get(key)).flatMap(k -> s.body().get(k));
    return Stream.of(deploy, legacy)
        .flatMap(Optional::stream)
        .filter(n -> !(n instanceof YScalar sc) || isSet(sc))
        .toList();
  }

  private static boolean isSet(YScalar s) {
    // A reservation of 0 or -1 is none, as for limits.
    return !s.isNull()
        && (s.value() == null || !ResourceLimitFix.UNLIMITED.contains(s.value().strip()));
  }

  /** Whether the text holds a variable ({@code $$} is a literal dollar, so it does not count). */
  private static boolean dependsOnVariable(YScalar s) {
    return s.value() == null || s.raw().replace("$$", "").contains("$");
  }

  /**
   * Bytes for {@code memory}, cores for {@code cpus}, a count for {@code pids}; null when the text
   * is not one Hullcheck reads, or is null.
   */
  static BigDecimal parse(String key, String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (key.equals("cpus")) {
      return CPUS.matcher(t).matches() ? new BigDecimal(t) : null;
    }
    if (key.equals("pids")) {
      return COUNT.matcher(t).matches() ? new BigDecimal(t) : null;
    }
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      return null;
    }
    int power = m.group(2) == null ? 0 : "kmgtp".indexOf(m.group(2)) + 1;
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
  }
}
