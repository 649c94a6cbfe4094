package io.hullcheck.report.pr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hunks of one file's unified diff (GitHub's {@code patch} field), reduced to what decides
 * where a review comment may go: the lines of the new version (RIGHT side) that the diff shows,
 * added or context, grouped by hunk. GitHub rejects a comment on any other line, and a multi-line
 * comment whose two ends lie in different hunks. Immutable.
 */
public final class DiffHunks {
  private static final Pattern HEADER =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");

  /**
   * One hunk.
   *
   * @param newStart first line of the new version the hunk covers (1-based)
   * @param newCount how many new-version lines it covers
   * @param rightLines the new-version lines shown in the hunk (context and added)
   * @param addedLines the subset of {@code rightLines} that the diff adds
   */
  public record Hunk(
      int oldStart,
      int oldCount,
      int newStart,
      int newCount,
      NavigableSet<Integer> rightLines,
      NavigableSet<Integer> addedLines) {
    public Hunk {
      rightLines = Collections.unmodifiableNavigableSet(new TreeSet<>(rightLines));
      addedLines = Collections.unmodifiableNavigableSet(new TreeSet<>(addedLines));
    }
  }

  private final List<Hunk> hunks;

  private DiffHunks(List<Hunk> hunks) {
    this.hunks = List.copyOf(hunks);
  }

  /** No hunks: a file without a patch (binary, too large) or a removed file. */
  public static DiffHunks empty() {
    return new DiffHunks(List.of());
  }

  /**
   * Parses a patch. Lines before the first hunk header (a {@code diff --git} header, for example)
   * are skipped; {@code \ No newline at end of file} markers are ignored; a hunk ends when its line
   * counts are used up. Null or blank text gives {@link #empty()}.
   */
  public static DiffHunks parse(String patch) {
    if (patch == null || patch.isBlank()) {
      return empty();
    }
    List<Hunk> hunks = new ArrayList<>();
    String[] lines = patch.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      Matcher m = HEADER.matcher(stripCr(lines[i]));
      i++;
      if (!m.matches()) {
        continue;
      }
      int oldStart = Integer.parseInt(m.group(1));
      int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
      int newStart = Integer.parseInt(m.group(3));
      int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
      TreeSet<Integer> right = new TreeSet<>();
      TreeSet<Integer> added = new TreeSet<>();
      int oldLeft = oldCount;
      int newLeft = newCount;
      int newLine = newStart;
      while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
        String line = lines[i];
        if (HEADER.matcher(stripCr(line)).matches()) {
          break;
        }
        i++;
        char c = line.isEmpty() ? ' ' : line.charAt(0);
        switch (c) {
          case '+' -> {
            right.add(newLine);
            added.add(newLine);
            newLine++;
            newLeft--;
          }
          case '-' -> oldLeft--;
          case '\\' -> {
            // "\ No newline at end of file": describes the previous line, takes no slot.
          }
          default -> {
            right.add(newLine);
            newLine++;
            newLeft--;
            oldLeft--;
          }
        }
      }
      hunks.add(new Hunk(oldStart, oldCount, newStart, newCount, right, added));
    }
    return new DiffHunks(hunks);
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  public List<Hunk> hunks() {
    return hunks;
  }

  /** The hunk showing new-version {@code line} on the RIGHT side, if any. */
  public Optional<Hunk> hunkOf(int line) {
    for (Hunk h : hunks) {
      if (h.rightLines().contains(line)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** Whether a single-line comment on {@code line} (RIGHT side) would be accepted. */
  public boolean commentable(int line) {
    return hunkOf(line).isPresent();
  }

  /**
   * Whether a comment spanning {@code startLine..line} would be accepted: both ends shown in the
   * same hunk. (Every line between two lines of one hunk is in that hunk on the RIGHT side.)
   */
  public boolean commentable(int startLine, int line) {
    if (startLine > line) {
      return false;
    }
    Optional<Hunk> h = hunkOf(line);
    return h.isPresent() && h.get().rightLines().contains(startLine);
  }

  /** Whether the diff adds {@code line}. */
  public boolean added(int line) {
    return hunks.stream().anyMatch(h -> h.addedLines().contains(line));
  }
}
