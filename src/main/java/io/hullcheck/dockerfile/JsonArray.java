package io.hullcheck.dockerfile;

import java.util.List;

/**
 * The exec form: a JSON array of strings, read the way BuildKit reads it (Go's {@code
 * json.Decoder}): the first JSON value is decoded and anything after it is ignored; invalid JSON
 * means shell form; valid JSON that is not an array of strings is an error.
 */
final class JsonArray {
  enum Result {
    EXEC,
    NOT_JSON,
    NOT_STRING_ARRAY
  }

  /** Deeper nesting than this is treated as invalid JSON rather than risking the stack. */
  private static final int MAX_DEPTH = 200;

  private final LogicalLine line;
  private final int to;
  private int pos;
  private final StringBuilder sb = new StringBuilder();

  private JsonArray(LogicalLine line, int from, int to) {
    this.line = line;
    this.pos = from;
    this.to = to;
  }

  /**
   * Parses {@code [from, to)}; on {@link Result#EXEC} the elements were added to {@code out}, each
   * with the span of its string literal (quotes included) and its decoded value. On any other
   * result {@code out} is left unchanged.
   */
  static Result parse(LogicalLine line, int from, int to, List<Word> out) {
    JsonArray p = new JsonArray(line, from, to);
    int before = out.size();
    Result r = p.array(out);
    if (r != Result.EXEC) {
      out.subList(before, out.size()).clear();
    }
    return r;
  }

  private Result array(List<Word> out) {
    ws();
    if (pos >= to || line.charAt(pos) != '[') {
      return Result.NOT_JSON;
    }
    pos++;
    ws();
    if (pos < to && line.charAt(pos) == ']') {
      return Result.EXEC;
    }
    boolean allStrings = true;
    while (true) {
      ws();
      if (pos >= to) {
        return Result.NOT_JSON;
      }
      if (line.charAt(pos) == '"') {
        int start = pos;
        if (!string()) {
          return Result.NOT_JSON;
        }
        out.add(new Word(sb.toString(), line.text(start, pos), line.span(start, pos)));
      } else {
        allStrings = false;
        if (!value(1)) {
          return Result.NOT_JSON;
        }
      }
      ws();
      if (pos >= to) {
        return Result.NOT_JSON;
      }
      char c = line.charAt(pos++);
      if (c == ']') {
        return allStrings ? Result.EXEC : Result.NOT_STRING_ARRAY;
      }
      if (c != ',') {
        return Result.NOT_JSON;
      }
    }
  }

  private void ws() {
    while (pos < to) {
      char c = line.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** Skips any JSON value; false when it is not valid JSON. */
  private boolean value(int depth) {
    if (depth > MAX_DEPTH || pos >= to) {
      return false;
    }
    char c = line.charAt(pos);
    switch (c) {
      case '"':
        return string();
      case '[':
        return container(']', depth, false);
      case '{':
        return container('}', depth, true);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  private boolean container(char close, int depth, boolean object) {
    pos++;
    ws();
    if (pos < to && line.charAt(pos) == close) {
      pos++;
      return true;
    }
    while (true) {
      ws();
      if (object) {
        if (pos >= to || line.charAt(pos) != '"' || !string()) {
          return false;
        }
        ws();
        if (pos >= to || line.charAt(pos++) != ':') {
          return false;
        }
        ws();
      }
      if (!value(depth + 1)) {
        return false;
      }
      ws();
      if (pos >= to) {
        return false;
      }
      char c = line.charAt(pos++);
      if (c == close) {
        return true;
      }
      if (c != ',') {
        return false;
      }
    }
  }

  private boolean literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (pos >= to || line.charAt(pos++) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean number() {
    int start = pos;
    if (pos < to && line.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= to) {
      return false;
    }
    if (line.charAt(pos) == '0') {
      pos++;
    } else if (!digits()) {
      return false;
    }
    if (pos < to && line.charAt(pos) == '.') {
      pos++;
      if (!digits()) {
        return false;
      }
    }
    if (pos < to && (line.charAt(pos) == 'e' || line.charAt(pos) == 'E')) {
      pos++;
      if (pos < to && (line.charAt(pos) == '+' || line.charAt(pos) == '-')) {
        pos++;
      }
      if (!digits()) {
        return false;
      }
    }
    return pos > start;
  }

  private boolean digits() {
    int start = pos;
    while (pos < to && line.charAt(pos) >= '0' && line.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  /** Reads a string literal at {@code pos} into {@link #sb}; false when malformed. */
  private boolean string() {
    sb.setLength(0);
    pos++;
    while (pos < to) {
      char c = line.charAt(pos++);
      if (c == '"') {
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= to) {
        return false;
      }
      char e = line.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > to) {
            return false;
          }
          int v = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(line.charAt(pos++), 16);
            if (d < 0) {
              return false;
            }
            v = v * 16 + d;
          }
          sb.append((char) v);
        }
        default -> {
          return false;
        }
      }
    }
    return false;
  }
}
