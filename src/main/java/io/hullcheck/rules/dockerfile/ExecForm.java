package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the shell form of a command into the words of its exec form (JSON array), only when the
 * array runs the same program with the same arguments: the text is plain words (no operator,
 * redirection, variable, substitution, glob, escape, {@code ~}, comment, unclosed quote or heredoc)
 * and its first word is a program, not a shell builtin, keyword or variable assignment. A leading
 * {@code exec} is dropped: the exec form already makes the program PID 1, which is what it was for.
 * Pure; thread-safe.
 */
final class ExecForm {
  /** Chars that make the shell do more than split words, outside quotes. */
  private static final String SPECIAL = "$`\\|&;<>()*?[]{}~#\n";

  /** Operators named by both chars when doubled ({@code &&}, {@code ||}, {@code >>}). */
  private static final String DOUBLED = "&|;<>";

  /** A leading {@code NAME=value}: the shell sets a variable for the command. */
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

  /** Words the shell treats as syntax when they come first: no program of that name runs. */
  private static final Set<String> KEYWORDS =
      Set.of(
          ("if then else elif fi for while until do done case esac in ! function select "
                  + "coproc time [[ ]] { }")
              .split(" "));

  /**
   * Builtins of sh, dash, ash and bash with no executable of the same name in common images, so
   * {@code execve} fails with "executable file not found". {@code kill} is here because slim Debian
   * images lack procps; {@code true}, {@code echo}, {@code test} and the like are programs too.
   */
  private static final Set<String> BUILTINS =
      Set.of(
          (". : break continue eval exec exit export readonly return set shift times trap "
                  + "unset alias bg cd command fc fg getopts hash jobs kill read type ulimit umask "
                  + "unalias wait source declare typeset local let shopt builtin enable disown "
                  + "suspend logout pushd popd dirs history caller bind help complete compgen compopt "
                  + "mapfile readarray")
              .split(" "));

  /** What to do instead when a JSON array cannot run the command. */
  private static final String USE_A_SCRIPT =
      ": move the command into a script that ends with exec, or write [\"sh\", \"-c\", \"...\"]"
          + " knowingly";

  private ExecForm() {}

  /**
   * The outcome of a conversion: the array's words, or the reason there is none, which says what to
   * do instead and reads after "…misses SIGTERM; ". Exactly one of the two is non-null.
   */
  record Conversion(List<String> words, String refusal) {
    static Conversion of(List<String> words) {
      return new Conversion(List.copyOf(words), null);
    }

    static Conversion refused(String refusal) {
      return new Conversion(null, refusal);
    }
  }

  /** Converts the shell-form arguments of a CMD or ENTRYPOINT. */
  static Conversion convert(Instruction ins) {
    String text = ins.argText();
    Optional<String> syntax =
        ins.heredocs().isEmpty() ? shellSyntax(text) : Optional.of("a heredoc");
    if (syntax.isPresent()) {
      return Conversion.refused("it has " + syntax.get() + ", which needs a shell" + USE_A_SCRIPT);
    }
    // With no shell syntax left, the parser's words are what the shell would pass.
    List<String> words = ins.args().stream().map(Word::value).toList();
    if (ASSIGNMENT.matcher(text.strip()).lookingAt()) {
      String first = words.get(0);
      return Conversion.refused(
          first
              + " sets a shell variable: set it with ENV, or move the command into a script that"
              + " ends with exec");
    }
    if (words.get(0).equals("exec")) {
      words = words.subList(1, words.size());
      if (words.isEmpty()) {
        return Conversion.refused("exec alone runs no program" + USE_A_SCRIPT);
      }
      if (words.get(0).startsWith("-")) {
        // exec -a NAME, -c and -l change how the program starts; an array cannot say that.
        return Conversion.refused(
            "exec " + words.get(0) + " changes how the program starts" + USE_A_SCRIPT);
      }
    }
    String first = words.get(0);
    if (KEYWORDS.contains(first)) {
      return Conversion.refused(first + " is shell syntax, not a program" + USE_A_SCRIPT);
    }
    if (BUILTINS.contains(first)) {
      return Conversion.refused(first + " is a shell builtin, not a program" + USE_A_SCRIPT);
    }
    return Conversion.of(words);
  }

  /** The exec form of the words: a JSON array of strings. */
  static String json(List<String> words) {
    return words.stream().map(ExecForm::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * The first thing in the text the shell would act on, named for a message: outside quotes any of
   * {@link #SPECIAL}, inside double quotes a variable, substitution or escape, or a quote left
   * open. Single-quoted text is literal.
   */
  private static Optional<String> shellSyntax(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        quote = c == '\'' ? 0 : quote;
      } else if (quote == '"') {
        if (c == '$' || c == '`' || c == '\\') {
          return Optional.of(name(text, i));
        }
        quote = c == '"' ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (SPECIAL.indexOf(c) >= 0) {
        return Optional.of(name(text, i));
      }
    }
    return quote != 0 ? Optional.of("an unclosed quote") : Optional.empty();
  }

  private static String name(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return "a line break";
    }
    boolean doubled = DOUBLED.indexOf(c) >= 0 && i + 1 < text.length() && text.charAt(i + 1) == c;
    return "'" + c + (doubled ? String.valueOf(c) : "") + "'";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        // BuildKit reads an array with a raw control char as shell form: escape it.
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
