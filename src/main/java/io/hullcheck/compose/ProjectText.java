package io.hullcheck.compose;

import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.List;
import java.util.Map;

/**
 * Where each part of a compose model's text comes from. A model merged from several files is read
 * over one text made of those files one after the other (each starting on a new line), so every
 * span of the merged tree is a span of that text, and {@link #locate} turns it back into a file and
 * a span in that file. A single file is one segment covering it all. Immutable.
 *
 * @param segments the files in the order their text appears
 * @param definitions per service name, the span of each file's definition of it (name to end of
 *     body); empty for a single file, whose services' own entries say it all
 */
public record ProjectText(List<Segment> segments, Map<String, List<Span>> definitions) {

  public ProjectText {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a project text has at least one file");
    }
    definitions = Map.copyOf(definitions);
  }

  public ProjectText(List<Segment> segments) {
    this(segments, Map.of());
  }

  /**
   * Whether the span lies in some file's definition of the service: a value an override file writes
   * under {@code services.NAME} belongs to that service, though the merged service's own spans are
   * those of its first definition.
   */
  public boolean inDefinitionOf(String service, Span span) {
    for (Span d : definitions.getOrDefault(service, List.of())) {
      if (span.startOffset() >= d.startOffset() && span.endOffset() <= d.endOffset()) {
        return true;
      }
    }
    return false;
  }

  /**
   * One file's place in the text.
   *
   * @param startOffset the offset of the file's first char in the text
   * @param firstLine the line of the text that is the file's line 1
   * @param source the file as it is on its own
   */
  public record Segment(String path, int startOffset, int firstLine, SourceFile source) {
    public int endOffset() {
      return startOffset + source.text().length();
    }
  }

  /** A span in one file. */
  public record Location(String path, Span span) {}

  /** The single segment of a file read on its own. */
  public static ProjectText single(SourceFile source) {
    return new ProjectText(List.of(new Segment(source.path(), 0, 1, source)));
  }

  public boolean multiFile() {
    return segments.size() > 1;
  }

  /** The segment holding the offset: the last one that starts at or before it. */
  public Segment segmentAt(int offset) {
    Segment found = segments.get(0);
    for (Segment s : segments) {
      if (s.startOffset() <= offset) {
        found = s;
      }
    }
    return found;
  }

  /**
   * The file a span of the text lies in, and the span in that file. A span that runs past the end
   * of its file is cut at that end.
   */
  public Location locate(Span span) {
    Segment s = segmentAt(span.startOffset());
    if (!multiFile()) {
      return new Location(s.path(), span);
    }
    int length = s.source().text().length();
    int start = Math.min(length, span.startOffset() - s.startOffset());
    int end = Math.min(length, Math.max(start, span.endOffset() - s.startOffset()));
    return new Location(s.path(), s.source().span(start, end));
  }

  /** Whether the span lies wholly inside one file. */
  public boolean withinOneFile(int startOffset, int endOffset) {
    Segment s = segmentAt(startOffset);
    return endOffset <= s.endOffset();
  }

  /**
   * How a message names the place of a span: {@code line 12}, or {@code line 12 of base.yaml} when
   * the span is in another file than {@code from}.
   */
  public String where(Span span, Span from) {
    Location at = locate(span);
    String line = "line " + at.span().startLine();
    if (!multiFile() || (from != null && locate(from).path().equals(at.path()))) {
      return line;
    }
    return line + " of " + at.path();
  }
}
