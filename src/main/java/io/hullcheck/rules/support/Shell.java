package io.hullcheck.rules.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a POSIX shell script (a RUN body, a heredoc) into simple commands made of words, so rules
 * match commands and flags as words instead of searching text: {@code update-ca-trust} is not
 * {@code apt-get update}, and {@code echo "apt-get install"} installs nothing.
 *
 * <p>What it understands: single and double quotes, backslash escapes, comments, the operators
 * {@code && || ; | & ( ) { }} and newlines, redirections (dropped from the words), leading variable
 * assignments ({@code A=b cmd}), command substitutions {@code $(...)} and backquotes (kept inside
 * the word, and also scanned for the commands they run), and the reserved words of compound
 * commands ({@code if then else elif fi for while until do done case esac}), which only separate
 * commands. It does not expand variables: a word that contains {@code $} is reported as written.
 *
 * <p>Pure and thread-safe. Never throws on malformed input: an unterminated quote runs to the end.
 */
public final class Shell {
  private static final Set<String> RESERVED =
      Set.of(
          "if",
          "then",
          "else",
          "elif",
          "fi",
          "for",
          "while",
          "until",
          "do",
          "done",
          "case",
          "esac",
          "!",
          "in",
          "function",
          "select");

  private Shell() {}

  /** One word: its value with quotes removed, and where it is written in the script. */
  public record Word(String value, int start, int end, boolean quoted) {
    /** Whether the word has an unquoted or double-quoted variable or substitution in it. */
    public boolean dynamic() {
      return value.contains("$") || value.contains("`");
    }
  }

  /**
   * A simple command: a value class like a record, with its name and {@link #unwrapped()} form
   * computed once. Every shell-aware rule asks each command of each RUN for them, so they are kept;
   * threads that race compute the same immutable value, so no lock is needed. Immutable (the lists
   * are unmodifiable) and thread-safe.
   */
  public static final class Command {
    private final List<Word> assignments;
    private final List<Word> words;
    private final boolean pipedFrom;
    private final boolean pipedTo;
    private String name; // computed on first use
    private Command unwrapped; // computed on first use
    private List<String> args; // computed on first use; many rules read the same command

    /**
     * @param assignments leading {@code NAME=value} words
     * @param words the command name and its arguments, redirections removed
     * @param pipedFrom whether its input comes from a pipe ({@code a | this})
     * @param pipedTo whether its output goes to a pipe ({@code this | b})
     */
    public Command(List<Word> assignments, List<Word> words, boolean pipedFrom, boolean pipedTo) {
      this.assignments = List.copyOf(assignments);
      this.words = List.copyOf(words);
      this.pipedFrom = pipedFrom;
      this.pipedTo = pipedTo;
    }

    /** Leading {@code NAME=value} words. */
    public List<Word> assignments() {
      return assignments;
    }

    /** The command name and its arguments, redirections removed. */
    public List<Word> words() {
      return words;
    }

    /** Whether its input comes from a pipe ({@code a | this}). */
    public boolean pipedFrom() {
      return pipedFrom;
    }

    /** Whether its output goes to a pipe ({@code this | b}). */
    public boolean pipedTo() {
      return pipedTo;
    }

    /** The command name, or empty for an assignment-only command. */
    public String name() {
      String n = name;
      if (n == null) {
        n = words.isEmpty() ? "" : basename(words.get(0).value());
        name = n;
      }
      return n;
    }

    /** The arguments after the command name, as strings. */
    public List<String> args() {
      List<String> a = args;
      if (a == null) {
        String[] values = new String[Math.max(0, words.size() - 1)];
        for (int i = 1; i < words.size(); i++) {
          values[i - 1] = words.get(i).value();
        }
        a = List.of(values);
        args = a;
      }
      return a;
    }

    /** Whether an argument equals one of the given flags, or a short-flag cluster contains it. */
    public boolean hasFlag(String... flags) {
      for (Word w : words.subList(Math.min(1, words.size()), words.size())) {
        String a = w.value();
        for (String f : flags) {
          if (a.equals(f)
              || (f.startsWith("--")
                  && a.length() > f.length()
                  && a.charAt(f.length()) == '='
                  && a.startsWith(f))) {
            return true;
          }
          if (f.length() == 2
              && f.charAt(0) == '-'
              && a.length() > 2
              && a.charAt(0) == '-'
              && a.charAt(1) != '-'
              && a.indexOf(f.charAt(1)) > 0
              && a.chars().skip(1).allMatch(Character::isLetter)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * The command with wrappers that run another command removed: {@code sudo}, {@code env}, {@code
     * nohup}, {@code exec}, {@code time}, {@code command}, {@code nice}, {@code su-exec}, {@code
     * gosu} (with their own options and, for {@code env}, assignments). Returns this when there is
     * no wrapper.
     */
    public Command unwrapped() {
      Command u = unwrapped;
      if (u == null) {
        u = unwrap();
        unwrapped = u;
      }
      return u;
    }

    private Command unwrap() {
      int i = 0;
      while (i < words.size()) {
        String n = basename(words.get(i).value());
        if (!WRAPPERS.contains(n)) {
          break;
        }
        i++;
        boolean userArg = n.equals("gosu") || n.equals("su-exec");
        if (userArg && i < words.size()) {
          i++;
          continue;
        }
        while (i < words.size()
            && (words.get(i).value().startsWith("-")
                || (n.equals("env") && words.get(i).value().contains("=")))) {
          String opt = words.get(i).value();
          i++;
          if (n.equals("sudo") && SUDO_ARG_OPTS.contains(opt) && i < words.size()) {
            i++;
          }
        }
      }
      return i == 0
          ? this
          : new Command(assignments, words.subList(i, words.size()), pipedFrom, pipedTo);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Command c
          && assignments.equals(c.assignments)
          && words.equals(c.words)
          && pipedFrom == c.pipedFrom
          && pipedTo == c.pipedTo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(assignments, words, pipedFrom, pipedTo);
    }

    @Override
    public String toString() {
      return "Command[assignments="
          + assignments
          + ", words="
          + words
          + ", pipedFrom="
          + pipedFrom
          + ", pipedTo="
          + pipedTo
          + "]";
    }

    /** Positional arguments (not starting with {@code -}) after the given subcommand word. */
    public List<String> operandsAfter(String subcommand) {
      List<String> out = new ArrayList<>();
      boolean seen = false;
      for (Word w : words.subList(Math.min(1, words.size()), words.size())) {
        if (!seen) {
          seen = w.value().equals(subcommand);
          continue;
        }
        if (!w.value().startsWith("-")) {
          out.add(w.value());
        }
      }
      return out;
    }
  }

  private static final Set<String> WRAPPERS =
      Set.of("sudo", "env", "nohup", "exec", "time", "command", "nice", "su-exec", "gosu");
  private static final Set<String> SUDO_ARG_OPTS = Set.of("-u", "-g", "-C", "-h", "-p", "-U");

  private static String basename(String s) {
    int slash = s.lastIndexOf('/');
    return slash >= 0 && slash < s.length() - 1 ? s.substring(slash + 1) : s;
  }

  /** The simple commands of a script, in order, including those inside substitutions. */
  public static List<Command> commands(String script) {
    List<Command> out = new ArrayList<>();
    new Splitter(script, 0, out).run();
    return out;
  }

  /** Whether any command of the script, unwrapped, has this name (case-sensitive). */
  public static boolean runs(String script, String name) {
    return commands(script).stream().anyMatch(c -> c.unwrapped().name().equals(name));
  }

  private static final class Splitter {
    private final String s;
    private final int base;
    private final List<Command> out;
    private int i;
    private List<Word> words = new ArrayList<>();
    private List<Word> assignments = new ArrayList<>();
    private boolean pipedFrom;
    private boolean skipNextWord;
    private final List<String[]> pendingHeredocs = new ArrayList<>();

    Splitter(String s, int base, List<Command> out) {
      this.s = s;
      this.base = base;
      this.out = out;
    }

    void run() {
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == ' ' || c == '\t' || c == '\r') {
          i++;
        } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i += 2;
        } else if (c == '\n' && !pendingHeredocs.isEmpty()) {
          i++;
          end(false);
          pipedFrom = false;
          skipHeredocBodies();
        } else if (c == '\n' || c == ';' || c == '(' || c == ')') {
          i++;
          if (c == ';' && i < n && s.charAt(i) == ';') {
            i++;
          }
          end(false);
          pipedFrom = false;
        } else if (c == '&') {
          i += i + 1 < n && s.charAt(i + 1) == '&' ? 2 : 1;
          end(false);
          pipedFrom = false;
        } else if (c == '|') {
          boolean or = i + 1 < n && s.charAt(i + 1) == '|';
          i += or ? 2 : 1;
          if (!or && i < n && s.charAt(i) == '&') {
            i++;
          }
          end(!or);
          pipedFrom = !or;
        } else if (c == '#') {
          while (i < n && s.charAt(i) != '\n') {
            i++;
          }
        } else if (isRedirect()) {
          skipRedirect();
        } else {
          word();
        }
      }
      end(false);
    }

    /** Skips the bodies of here-documents opened on the line just ended. */
    private void skipHeredocBodies() {
      for (String[] h : pendingHeredocs) {
        while (i < s.length()) {
          int eol = s.indexOf('\n', i);
          int lineEnd = eol < 0 ? s.length() : eol;
          String line = s.substring(i, lineEnd);
          if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
          }
          i = eol < 0 ? s.length() : eol + 1;
          String cmp = h[1].isEmpty() ? line : line.replaceFirst("^\t+", "");
          if (cmp.equals(h[0])) {
            break;
          }
        }
      }
      pendingHeredocs.clear();
    }

    private boolean isRedirect() {
      int j = i;
      while (j < s.length() && Character.isDigit(s.charAt(j))) {
        j++;
      }
      return j < s.length() && (s.charAt(j) == '>' || s.charAt(j) == '<');
    }

    private void skipRedirect() {
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      char op = s.charAt(i);
      i++;
      if (i < s.length() && (s.charAt(i) == op || s.charAt(i) == '&' || s.charAt(i) == '|')) {
        i++;
      }
      boolean heredoc = op == '<' && s.startsWith("<<", i - 2);
      if (op == '<' && i < s.length() && s.charAt(i) == '<') {
        i++; // "<<<" here-string: the next word is data
        heredoc = false;
      }
      boolean stripTabs = false;
      if (i < s.length() && s.charAt(i) == '-') {
        // "2>&-" closes a descriptor; "<<-" strips tabs
        stripTabs = heredoc;
        i++;
      }
      if (heredoc) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
          i++;
        }
        int start = i;
        while (i < s.length() && " \t\n;&|<>()".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        String delim = s.substring(start, i).replace("'", "").replace("\"", "").replace("\\", "");
        if (!delim.isEmpty()) {
          pendingHeredocs.add(new String[] {delim, stripTabs ? "-" : ""});
        }
        return;
      }
      if (s.startsWith(">&", i - 2) && i < s.length() && Character.isDigit(s.charAt(i))) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        return;
      }
      skipNextWord = true;
    }

    private void word() {
      int start = i;
      StringBuilder v = new StringBuilder();
      boolean quoted = false;
      int firstQuote = -1; // length of the value when the first quote opened
      int n = s.length();
      while (i < n) {
        char c = s.charAt(i);
        if (c == ' '
            || c == '\t'
            || c == '\n'
            || c == '\r'
            || c == ';'
            || c == '&'
            || c == '|'
            || c == '<'
            || c == '>'
            || c == ')'
            || (c == '(' && v.length() == 0)) {
          break;
        }
        if (c == '\\') {
          if (i + 1 < n && s.charAt(i + 1) != '\n') {
            v.append(s.charAt(i + 1));
          }
          i += 2;
        } else if (c == '\'') {
          firstQuote = quoted ? firstQuote : v.length();
          quoted = true;
          int close = s.indexOf('\'', i + 1);
          close = close < 0 ? n : close;
          v.append(s, i + 1, close);
          i = Math.min(n, close + 1);
        } else if (c == '"') {
          firstQuote = quoted ? firstQuote : v.length();
          quoted = true;
          i++;
          while (i < n && s.charAt(i) != '"') {
            char d = s.charAt(i);
            if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(s.charAt(i + 1)) >= 0) {
              if (s.charAt(i + 1) != '\n') {
                v.append(s.charAt(i + 1));
              }
              i += 2;
            } else if (d == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
              i = substitution(v, i + 2, ')');
            } else if (d == '`') {
              i = substitution(v, i + 1, '`');
            } else {
              v.append(d);
              i++;
            }
          }
          i = Math.min(n, i + 1);
        } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
          i = substitution(v, i + 2, ')');
        } else if (c == '`') {
          i = substitution(v, i + 1, '`');
        } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
          int close = s.indexOf('}', i);
          close = close < 0 ? n - 1 : close;
          v.append(s, i, close + 1);
          i = close + 1;
        } else {
          v.append(c);
          i++;
        }
      }
      if (i == start) {
        i++;
        return;
      }
      Word w = new Word(v.toString(), base + start, base + i, quoted);
      if (skipNextWord) {
        skipNextWord = false;
        return;
      }
      // NAME="quoted value" is an assignment: only the name must be unquoted
      boolean nameUnquoted = !quoted || firstQuote > w.value().indexOf('=');
      if (words.isEmpty() && nameUnquoted && isAssignment(w.value())) {
        assignments.add(w);
      } else if (words.isEmpty()
          && !quoted
          && (RESERVED.contains(w.value()) || w.value().equals("{") || w.value().equals("}"))) {
        if (w.value().equals("for") || w.value().equals("case") || w.value().equals("select")) {
          // "for x in a b; do": the loop variable and list are not a command
          skipUntilSeparator();
        }
      } else {
        words.add(w);
      }
    }

    private void skipUntilSeparator() {
      while (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != '\n') {
        i++;
      }
    }

    /** Scans a substitution body for commands and appends its text to the word. */
    private int substitution(StringBuilder v, int from, char close) {
      int depth = 1;
      int j = from;
      while (j < s.length()) {
        char c = s.charAt(j);
        if (c == '\\') {
          j += 2;
          continue;
        }
        if (close == ')' && c == '(') {
          depth++;
        } else if (c == close) {
          depth--;
          if (depth == 0) {
            break;
          }
        }
        j++;
      }
      int end = Math.min(j, s.length());
      new Splitter(s.substring(from, end), base + from, out).run();
      v.append(close == ')' ? "$(" : "`").append(s, from, end).append(close);
      return Math.min(s.length(), end + 1);
    }

    private static boolean isAssignment(String w) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      for (int k = 0; k < eq; k++) {
        char c = w.charAt(k);
        if (!(Character.isLetterOrDigit(c) || c == '_') || (k == 0 && Character.isDigit(c))) {
          return false;
        }
      }
      return true;
    }

    private void end(boolean pipedTo) {
      skipNextWord = false;
      if (!words.isEmpty() || !assignments.isEmpty()) {
        out.add(new Command(assignments, words, pipedFrom, pipedTo));
      }
      words = new ArrayList<>();
      assignments = new ArrayList<>();
    }
  }

  /** Lower-cases for case-insensitive comparisons of package names and the like. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
