package io.hullcheck.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of one file with a line index, so offsets, lines and columns convert both ways.
 *
 * <p>{@code path} is the path as reported to users: relative to the scanned root and {@code
 * /}-separated. Immutable and thread-safe.
 */
public final class SourceFile {
  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String path, String text) {
    this.path = path;
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n')) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /**
   * The text of a file's bytes: UTF-8 when they are UTF-8, else ISO-8859-1. Docker reads a
   * Dockerfile as bytes, so a Latin-1 comment or label builds and must not stop the check;
   * ISO-8859-1 maps each byte to one char and back, so the bytes a fix does not edit can be written
   * back unchanged.
   */
  public static String decode(byte[] bytes) {
    return isUtf8(bytes)
        ? new String(bytes, StandardCharsets.UTF_8)
        : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code bytes} are well-formed UTF-8. */
  public static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** Number of lines; a final newline does not start a new line that counts. */
  public int lineCount() {
    int n = lineStarts.length;
    return n > 1 && lineStarts[n - 1] == text.length() ? n - 1 : n;
  }

  /** 0-based offset of the first char of a 1-based line. */
  public int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
  }

  /** Offset just past the last content char of the line (before its line terminator). */
  public int lineContentEnd(int line) {
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    if (end > 0 && end <= text.length() && end > lineStart(line) && text.charAt(end - 1) == '\n') {
      end--;
    }
    if (end > lineStart(line) && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** The text of a 1-based line without its terminator. */
  public String lineText(int line) {
    return text.substring(lineStart(line), lineContentEnd(line));
  }

  /** 1-based line containing the offset. */
  public int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  /**
   * 1-based column of the offset on its line. A byte order mark at the start of the file takes no
   * column, as editors show it: line 1 starts after it (the mark itself is at column 1 too).
   */
  public int columnOf(int offset) {
    int line = lineOf(offset);
    int start = lineStart(line) + (line == 1 && bom() && offset > 0 ? 1 : 0);
    return offset - start + 1;
  }

  /** Whether the text starts with a byte order mark, which {@link #columnOf} gives no column. */
  public boolean bom() {
    return !text.isEmpty() && text.charAt(0) == '\uFEFF';
  }

  /** The span of [start, end) with lines and columns filled in. */
  public Span span(int start, int end) {
    return new Span(start, end, lineOf(start), columnOf(start), lineOf(end), columnOf(end));
  }

  /** The span of a whole line's content, terminator excluded. */
  public Span lineSpan(int line) {
    return span(lineStart(line), lineContentEnd(line));
  }

  /** Offset of a 1-based line and column ({@link #columnOf}'s inverse), clamped to the text. */
  public int offsetOf(int line, int column) {
    int start = lineStart(line) + (line == 1 && bom() ? 1 : 0);
    return Math.min(text.length(), start + column - 1);
  }

  /** The line terminator this file mostly uses: {@code "\r\n"} or {@code "\n"}. */
  public String lineEnding() {
    int crlf = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (i > 0 && text.charAt(i - 1) == '\r') {
          crlf++;
        } else {
          lf++;
        }
      }
    }
    return crlf > lf ? "\r\n" : "\n";
  }

  public boolean endsWithNewline() {
    return text.endsWith("\n") || text.endsWith("\r");
  }

  public String slice(Span span) {
    return text.substring(span.startOffset(), span.endOffset());
  }
}
