package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The entries of EXPOSE instructions with variables expanded ({@code 80}, {@code 80/tcp}, {@code
 * 8000-8010/udp}). Package-private helper of the port rules.
 */
final class ExposedPorts {
  private ExposedPorts() {}

  /**
   * One EXPOSE entry.
   *
   * @param stage its stage
   * @param word the word as written
   * @param text the expanded entry
   * @param low the first port, or -1 when the entry is not numeric
   * @param high the last port of a range (equal to low for one port), or -1
   * @param protocol lower-case protocol, {@code tcp} when none is written
   */
  record Entry(Stage stage, Word word, String text, long low, long high, String protocol) {}

  /**
   * Every entry whose value is known; entries with unknown variables are left out. With {@code
   * finalChainOnly}, only the final stage and the stages it builds FROM (the image that ships).
   */
  static List<Entry> entries(Dockerfile dockerfile, boolean finalChainOnly) {
    List<Entry> out = new ArrayList<>();
    List<Stage> stages =
        finalChainOnly
            ? dockerfile.finalStage().map(Stages::chain).orElse(List.of())
            : dockerfile.stages();
    for (Stage stage : stages) {
      for (Instruction expose : stage.all("EXPOSE")) {
        for (Word word : expose.args()) {
          Optional<String> value = stage.scope().expand(word, expose);
          // A variable may hold several entries separated by spaces.
          value.ifPresent(v -> parse(stage, word, v, out));
        }
      }
    }
    return out;
  }

  private static void parse(Stage stage, Word word, String value, List<Entry> out) {
    for (String text : value.trim().split("\\s+")) {
      if (text.isEmpty()) {
        continue;
      }
      int slash = text.indexOf('/');
      String ports = slash < 0 ? text : text.substring(0, slash);
      String protocol = slash < 0 ? "tcp" : text.substring(slash + 1).toLowerCase(Locale.ROOT);
      int dash = ports.indexOf('-');
      String lowText = dash < 0 ? ports : ports.substring(0, dash);
      String highText = dash < 0 ? ports : ports.substring(dash + 1);
      long low = number(lowText);
      long high = number(highText);
      if (low < 0 || high < 0) {
        low = -1;
        high = -1;
      }
      out.add(new Entry(stage, word, text, low, high, protocol));
    }
  }

  private static long number(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(s);
  }
}
