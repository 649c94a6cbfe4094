package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.KeyValue;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a command or instruction sets that weakens download trust: the lines {@code echo}, {@code
 * printf} and {@code sed s///} write ({@code gpgcheck=0} into a repo file), {@code --setopt} values
 * of yum and dnf, and environment variables set by ENV, ARG, {@code NAME=v cmd}, {@code export} and
 * {@code env}. The lines are parsed from the command's words, never searched in the RUN text.
 * Package-private.
 */
final class WrittenConfig {
  private static final Pattern ECHO_FLAGS = Pattern.compile("-[neE]+");
  private static final Pattern LINE_BREAK = Pattern.compile("\\\\n|\n");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.*\\-]+");

  private WrittenConfig() {}

  /** One {@code key=value} setting as written, key lower-cased, value trimmed and unquoted. */
  record Setting(String key, String value) {}

  /**
   * The lines a command writes: the arguments of {@code echo} and {@code printf} (split at real and
   * escaped line breaks) and the replacements of {@code sed s} expressions. Empty for other
   * commands.
   */
  static List<String> lines(Shell.Command cmd) {
    List<String> args = cmd.args();
    List<String> texts = new ArrayList<>();
    switch (cmd.name()) {
      case "echo" -> {
        int i = 0;
        while (i < args.size() && ECHO_FLAGS.matcher(args.get(i)).matches()) {
          i++;
        }
        texts.add(String.join(" ", args.subList(i, args.size())));
      }
      case "printf" -> texts.add(String.join(" ", args));
      case "sed" -> texts.addAll(sedReplacements(args));
      default -> {
        return List.of();
      }
    }
    List<String> out = new ArrayList<>();
    for (String t : texts) {
      for (String line : LINE_BREAK.split(t)) {
        out.add(line.trim());
      }
    }
    return out;
  }

  private static List<String> sedReplacements(List<String> args) {
    List<String> expressions = new ArrayList<>();
    String first = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if ((a.equals("-e") || a.equals("--expression")) && i + 1 < args.size()) {
        expressions.add(args.get(++i));
      } else if (a.startsWith("--expression=")) {
        expressions.add(a.substring("--expression=".length()));
      } else if (!a.startsWith("-") && first == null) {
        first = a;
      }
    }
    if (expressions.isEmpty() && first != null) {
      expressions.add(first);
    }
    List<String> out = new ArrayList<>();
    for (String e : expressions) {
      for (String part : e.split(";")) {
        replacement(part.trim()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The replacement of one {@code [address]s<d>pattern<d>replacement<d>flags} command. */
  private static Optional<String> replacement(String expr) {
    int s = expr.indexOf('s');
    if (s < 0 || s + 1 >= expr.length()) {
      return Optional.empty();
    }
    char d = expr.charAt(s + 1);
    if (Character.isLetterOrDigit(d) || Character.isWhitespace(d) || d == '\\') {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = s + 2; i < expr.length(); i++) {
      char c = expr.charAt(i);
      if (c == '\\' && i + 1 < expr.length() && expr.charAt(i + 1) == d) {
        cur.append(d);
        i++;
      } else if (c == d) {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return parts.size() >= 2 ? Optional.of(parts.get(1)) : Optional.empty();
  }

  /** A {@code key = value} line as a setting ({@code [section]} lines and others give none). */
  static Optional<Setting> setting(String line) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      return Optional.empty();
    }
    String key = line.substring(0, eq).trim();
    if (!KEY.matcher(key).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Setting(lower(key), unquote(line.substring(eq + 1).trim())));
  }

  /**
   * The {@code --setopt} values of a yum/dnf/tdnf/microdnf or yum-config-manager command, as
   * settings ({@code --setopt=epel.sslverify=0} gives key {@code epel.sslverify}).
   */
  static List<Setting> setopts(Shell.Command cmd) {
    List<String> args = cmd.args();
    List<Setting> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String v = null;
      if (a.startsWith("--setopt=")) {
        v = a.substring("--setopt=".length());
      } else if (a.equals("--setopt") && i + 1 < args.size()) {
        v = args.get(++i);
      }
      if (v != null) {
        setting(v).ifPresent(out::add);
      }
    }
    return out;
  }

  /** Whether a setting's key is {@code name} or ends with {@code .name} (a per-repo form). */
  static boolean keyIs(Setting s, String name) {
    return s.key().equals(name) || s.key().endsWith("." + name);
  }

  /** Whether a configuration value means off: 0, false, no, off (any case). */
  static boolean off(String value) {
    String v = lower(unquote(value));
    return v.equals("0") || v.equals("false") || v.equals("no") || v.equals("off");
  }

  /** Environment assignments of a command: {@code A=b cmd}, {@code env A=b cmd}, {@code export}. */
  static List<Shell.Word> assignments(Shell.Command raw) {
    List<Shell.Word> out = new ArrayList<>(raw.assignments());
    List<Shell.Word> words = raw.words();
    int wrappers = words.size() - raw.unwrapped().words().size();
    for (int i = 0; i < wrappers; i++) {
      if (words.get(i).value().contains("=")) {
        out.add(words.get(i));
      }
    }
    Shell.Command cmd = raw.unwrapped();
    if (cmd.name().equals("export") || cmd.name().equals("declare")) {
      for (Shell.Word w : cmd.words().subList(1, cmd.words().size())) {
        if (w.value().contains("=")) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** The pairs of an ENV or ARG instruction (ONBUILD triggers are not read). */
  static List<KeyValue> variables(Instruction ins) {
    return ins.is("ENV") || ins.is("ARG") ? ins.keyValues() : List.of();
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
