package io.hullcheck.rules.compose;

import io.hullcheck.compose.YEntry;
import io.hullcheck.compose.YMap;
import io.hullcheck.compose.YNode;
import io.hullcheck.compose.YScalar;
import io.hullcheck.compose.YSeq;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.TextEdit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds text edits on a compose file that keep its layout: new keys take the indentation of their
 * siblings and the file's line ending, replaced scalars keep their quoting style, deleted entries
 * take their whole lines (or their comma, in flow style) with them.
 *
 * <p>Every method returns null when it cannot build a safe edit for the shape it finds (a block
 * scalar, an alias whose token position is unknown, a key that shares its line with a sequence
 * dash); rules then offer no fix. Nodes reached through an alias or a merge key carry the spans of
 * the anchored original, so an edit built from them changes the anchor, and with it every service
 * that uses it. Not thread-safe; build one per check.
 */
final class YamlEdits {
  /** A scalar that YAML would read as something other than a string, or that needs quotes. */
  private static final Pattern NON_STRING =
      Pattern.compile(
          "(?i)~|null|true|false|yes|no|on|off|y|n|[-+]?(\\.inf|\\.nan)"
              + "|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+|0x[0-9a-f]+|0o[0-7]+");

  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private final SourceFile src;
  private final String text;
  private final YNode root;

  /** The file's line ending once looked up; read it only through {@link #eol()}, never directly. */
  private String cachedEol;

  private Map<Long, YNode> parents;

  /**
   * @param root the document root, used to find the map an entry is written in; may be null
   */
  YamlEdits(SourceFile src, YNode root) {
    this.src = src;
    this.text = src.text();
    this.root = root;
  }

  SourceFile source() {
    return src;
  }

  // ---------------------------------------------------------------- shape

  /** Offset of the node's first content char, after any anchor ({@code &a}) or tag ({@code !t}). */
  int contentStart(YNode node) {
    int i = node.span().startOffset();
    int end = Math.max(i, node.span().endOffset());
    while (i < end) {
      char c = text.charAt(i);
      if (c == '&' || c == '!') {
        while (i < end && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * The node's span cut down to its written content: from after its anchor or tag to its last
   * non-blank char, without the trailing blank and comment lines a block collection's span may
   * reach over. Findings use it so their text is only what they are about.
   */
  Span tight(YNode node) {
    int start = contentStart(node);
    int end = node.span().endOffset();
    if (!(node instanceof YScalar) && !isFlow(node)) {
      end = Math.min(end, src.lineContentEnd(lastLine(node)));
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return src.span(start, Math.max(start, end));
  }

  /**
   * Where an entry is written, key to value: in the anchor when it was merged in (merged keys keep
   * their written spans); just the key when the value is an alias to text elsewhere.
   */
  Span written(YEntry e) {
    Span key = e.key().span();
    if (isAliasValue(e)) {
      return key;
    }
    return key.union(tight(e.value()));
  }

  /** Whether a collection is written in flow style ({@code {...}} or {@code [...]}). */
  boolean isFlow(YNode node) {
    if (node instanceof YScalar) {
      return false;
    }
    int i = contentStart(node);
    return i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '[');
  }

  /** The quote char a scalar is written with, or 0 for plain and block scalars. */
  char quoteOf(YScalar s) {
    int i = contentStart(s);
    char c = i < text.length() ? text.charAt(i) : 0;
    return c == '"' || c == '\'' ? c : 0;
  }

  /** Whether the node is written inside a flow collection (so {@code ,[]{}} need quotes). */
  boolean inFlow(YNode node) {
    if (parents == null) {
      parents = Tree.parents(root);
    }
    YNode parent = parents.get(Tree.id(node));
    return parent != null && isFlow(parent);
  }

  /** The file's line ending, looked up once and only when an edit writes lines. */
  private String eol() {
    if (cachedEol == null) {
      cachedEol = src.lineEnding();
    }
    return cachedEol;
  }

  /** The entries a map has in its own text, without those merged in through {@code <<}. */
  static List<YEntry> own(YMap map) {
    List<YEntry> entries = map.entries();
    for (YEntry e : entries) {
      if (e.mergedVia() != null) {
        return entries.stream().filter(x -> x.mergedVia() == null).toList();
      }
    }
    return entries; // most maps merge nothing in
  }

  /** Whether a value is written elsewhere (an alias), not after its key. */
  private static boolean isAliasValue(YEntry e) {
    return e.value().span().startOffset() < e.key().span().endOffset();
  }

  /** The indentation (spaces) of a block map's keys, or null when it cannot be told. */
  String indentOf(YMap map) {
    List<YEntry> own = own(map);
    int col;
    if (!own.isEmpty()) {
      col = own.get(0).key().span().startColumn();
    } else if (!map.entries().isEmpty()) {
      col = map.entries().get(0).mergedVia().startColumn();
    } else {
      return null;
    }
    return " ".repeat(col - 1);
  }

  /**
   * The indentation step of the file: how much deeper the first block-style service's keys sit than
   * its name, or two spaces when that cannot be told. A flow-style service ({@code web: {image:
   * x}}) says nothing about indentation and is passed over.
   */
  String unit(YMap services) {
    if (services == null) {
      return "  ";
    }
    for (YEntry service : own(services)) {
      if (service.value() instanceof YMap body
          && !isAliasValue(service)
          && !isFlow(body)
          && !own(body).isEmpty()) {
        int step = own(body).get(0).key().span().startColumn() - service.key().span().startColumn();
        return step > 0 && step <= 8 ? " ".repeat(step) : "  ";
      }
    }
    return "  ";
  }

  /** The 1-based line of a node's last written content (trailing comment lines excluded). */
  int lastLine(YNode node) {
    int start = node.span().startOffset();
    int i = node.span().endOffset();
    while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    int line = src.lineOf(Math.max(start, i - 1));
    if (!(node instanceof YScalar) && !isFlow(node)) {
      int first = src.lineOf(contentStart(node));
      while (line > first && isBlankOrComment(line)) {
        line--;
      }
    }
    return line;
  }

  /** The last line an entry occupies: its key line when the value is an alias. */
  int lastLine(YEntry e) {
    return isAliasValue(e) ? e.key().span().startLine() : lastLine(e.value());
  }

  private boolean isBlankOrComment(int line) {
    String l = src.lineText(line).strip();
    return l.isEmpty() || l.startsWith("#");
  }

  private boolean onlyIndentBefore(int offset) {
    int ls = src.lineStart(src.lineOf(offset));
    return text.substring(ls, offset).isBlank();
  }

  /** Offset of the start of the line after {@code line}, or the end of the text. */
  private int afterLine(int line) {
    return line < src.lineCount() ? src.lineStart(line + 1) : text.length();
  }

  // ---------------------------------------------------------------- insert

  /**
   * Inserts {@code key: value} at the end of a map. {@code value} is a rendered scalar (a String,
   * written as given) or a nested {@code Map<String, Object>} of the same, rendered in the map's
   * style: block lines at the map's indentation (children one {@code unit} deeper), or {@code ,
   * key: {...}} before a flow map's closing brace.
   */
  TextEdit insertEntry(YMap map, String key, Object value, String unit) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put(key, value);
    return insertEntries(map, one, unit);
  }

  /** Inserts several entries, in order, at the end of a map, as {@link #insertEntry} does. */
  TextEdit insertEntries(YMap map, Map<String, Object> entries, String unit) {
    if (isFlow(map)) {
      return insertFlow(map, entries);
    }
    String indent = indentOf(map);
    if (indent == null) {
      return null;
    }
    int line = lastLine(map);
    int at = afterLine(line);
    boolean noFinalNewline = at == text.length() && !src.endsWithNewline();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      renderBlock(sb, indent, unit, e.getKey(), e.getValue());
    }
    if (noFinalNewline) {
      sb.insert(0, eol());
      sb.setLength(sb.length() - eol().length());
    }
    return TextEdit.insert(at, sb.toString());
  }

  private TextEdit insertFlow(YMap map, Map<String, Object> entries) {
    int close = map.span().endOffset() - 1;
    while (close > 0 && text.charAt(close) != '}') {
      close--;
    }
    int i = close;
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    char before = text.charAt(i - 1);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append(": ").append(renderFlow(e.getValue()));
    }
    if (before == '{') {
      return TextEdit.insert(i, sb.toString());
    }
    return TextEdit.insert(i, (before == ',' ? " " : ", ") + sb);
  }

  private void renderBlock(StringBuilder sb, String indent, String unit, String key, Object v) {
    sb.append(indent).append(key).append(':');
    if (v instanceof Map<?, ?> m) {
      sb.append(eol());
      for (Map.Entry<?, ?> child : m.entrySet()) {
        renderBlock(sb, indent + unit, unit, child.getKey().toString(), child.getValue());
      }
    } else {
      sb.append(' ').append(v).append(eol());
    }
  }

  private static String renderFlow(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<?, ?> child : m.entrySet()) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(child.getKey()).append(": ").append(renderFlow(child.getValue()));
      }
      return sb.append('}').toString();
    }
    return v.toString();
  }

  /**
   * Appends an item (already rendered as a scalar) to the end of a sequence where it is written: a
   * new {@code - item} line at the indentation of the last item's dash, or {@code , item} before a
   * flow sequence's closing bracket; null for an empty block sequence or a dash that shares its
   * line with a key.
   */
  TextEdit appendItem(YSeq seq, String rendered) {
    if (isFlow(seq)) {
      int close = seq.span().endOffset() - 1;
      while (close > 0 && text.charAt(close) != ']') {
        close--;
      }
      int i = close;
      while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
        i--;
      }
      char before = text.charAt(i - 1);
      return TextEdit.insert(i, before == '[' ? rendered : (before == ',' ? " " : ", ") + rendered);
    }
    if (seq.items().isEmpty()) {
      return null;
    }
    YNode last = seq.items().get(seq.items().size() - 1);
    int dash = last.span().startOffset() - 1;
    while (dash > seq.span().startOffset() && text.charAt(dash) != '-') {
      dash--;
    }
    if (text.charAt(dash) != '-' || !onlyIndentBefore(dash)) {
      return null;
    }
    String indent = text.substring(src.lineStart(src.lineOf(dash)), dash);
    int at = afterLine(lastLine(last));
    String line = indent + "- " + rendered;
    if (at == text.length() && !src.endsWithNewline()) {
      return TextEdit.insert(at, eol() + line);
    }
    return TextEdit.insert(at, line + eol());
  }

  // ---------------------------------------------------------------- replace

  /**
   * Replaces a scalar's value with {@code value} (a plain string, not yet quoted), keeping the
   * scalar's anchor and its quoting style; a plain scalar gets double quotes when {@code
   * forceQuotes} is set or when the new value would not read back as the same string.
   */
  TextEdit replaceScalar(YScalar s, String value, boolean forceQuotes) {
    int start = contentStart(s);
    int end = s.span().endOffset();
    if (start >= end) {
      return null;
    }
    char c = text.charAt(start);
    if (c == '|' || c == '>') {
      return null;
    }
    char q = quoteOf(s);
    if (q == 0 && (forceQuotes || needsQuotes(value, false) || needsFlowQuotes(value, s))) {
      q = '"';
    }
    return new TextEdit(start, end, quote(value, q));
  }

  /** Whether the value has flow indicators and the scalar sits in a flow collection. */
  private boolean needsFlowQuotes(String value, YScalar s) {
    return value.chars().anyMatch(ch -> ",[]{}".indexOf(ch) >= 0) && inFlow(s);
  }

  /** {@code value} written as a YAML scalar with the given quote char (0 for plain). */
  static String quote(String value, char q) {
    if (q == '\'') {
      return "'" + value.replace("'", "''") + "'";
    }
    if (q == '"') {
      return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return value;
  }

  /** Whether a plain scalar with this text would not read back as the same string. */
  static boolean needsQuotes(String v, boolean inFlow) {
    if (v.isEmpty() || !v.strip().equals(v) || NON_STRING.matcher(v).matches()) {
      return true;
    }
    if (INDICATORS.indexOf(v.charAt(0)) >= 0 || v.endsWith(":")) {
      return true;
    }
    if (v.contains(": ") || v.contains(" #") || v.contains("\n") || v.contains("\t")) {
      return true;
    }
    return inFlow && v.chars().anyMatch(ch -> ",[]{}".indexOf(ch) >= 0);
  }

  // ---------------------------------------------------------------- delete

  /**
   * Deletes an entry where it is written (in the anchor when it was merged in). A block entry goes
   * with all its lines; a flow entry with its comma; the only entry of a block map becomes {@code
   * {}} so the map stays a map.
   */
  TextEdit deleteEntry(YEntry entry) {
    Tree.Owner owner = Tree.ownerOf(root, entry);
    if (owner == null) {
      return null;
    }
    YMap map = owner.map();
    YEntry e = owner.entry();
    int keyStart = contentStart(e.key());
    int valueEnd = isAliasValue(e) ? aliasEnd(e) : e.value().span().endOffset();
    if (isFlow(map)) {
      return deleteFlowItem(keyStart, valueEnd);
    }
    if (map.entries().size() == 1) {
      int end = isAliasValue(e) ? valueEnd : src.lineContentEnd(lastLine(e));
      return new TextEdit(keyStart, trimTrailingComment(keyStart, end), "{}");
    }
    if (!onlyIndentBefore(keyStart)) {
      return null;
    }
    int from = src.lineStart(e.key().span().startLine());
    return TextEdit.delete(from, afterLine(lastLine(e)));
  }

  /**
   * Deletes one item of a sequence; null when it is the only item (callers then delete the entry
   * that holds the sequence, so no empty key is left behind).
   */
  TextEdit deleteItem(YSeq seq, YNode item) {
    if (seq.items().size() < 2 || !seq.span().contains(item.span())) {
      return null;
    }
    if (isFlow(seq)) {
      return deleteFlowItem(item.span().startOffset(), item.span().endOffset());
    }
    int dash = item.span().startOffset() - 1;
    while (dash > seq.span().startOffset() && text.charAt(dash) != '-') {
      dash--;
    }
    if (text.charAt(dash) != '-' || !onlyIndentBefore(dash)) {
      return null;
    }
    return TextEdit.delete(src.lineStart(src.lineOf(dash)), afterLine(lastLine(item)));
  }

  private TextEdit deleteFlowItem(int start, int end) {
    int after = end;
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    if (after < text.length() && text.charAt(after) == ',') {
      after++;
      while (after < text.length() && text.charAt(after) == ' ') {
        after++;
      }
      return TextEdit.delete(start, after);
    }
    int before = start;
    while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
      before--;
    }
    if (before > 0 && text.charAt(before - 1) == ',') {
      return TextEdit.delete(before - 1, end);
    }
    return TextEdit.delete(start, end);
  }

  /** End of the {@code *alias} token written after an entry's key. */
  private int aliasEnd(YEntry e) {
    int i = e.key().span().endOffset();
    while (i < text.length() && text.charAt(i) != '*' && text.charAt(i) != '\n') {
      i++;
    }
    while (i < text.length()
        && !Character.isWhitespace(text.charAt(i))
        && ",]}".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** {@code end} moved back before a trailing {@code # comment} on the same line. */
  private int trimTrailingComment(int start, int end) {
    String s = text.substring(start, end);
    int hash = s.indexOf(" #");
    return hash < 0 || s.indexOf('"') >= 0 || s.indexOf('\'') >= 0 ? end : start + hash;
  }
}
