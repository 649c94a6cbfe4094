package io.hullcheck.report.pr;

import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-independent identities of findings, so a comment posted on one push is recognised on the
 * next even when lines moved. A fingerprint hashes the rule id, the path, the offending text (the
 * first line of the finding's span, whitespace collapsed) and the occurrence index among findings
 * with the same three values in file order. It does not contain line numbers, SHAs or the message.
 */
public final class Fingerprints {
  private static final Pattern MARKER =
      Pattern.compile("<!-- hullcheck:fp=([0-9a-f]{16,64})(?: rule=([A-Za-z0-9._-]+))? -->");

  private Fingerprints() {}

  /**
   * Fingerprints of {@code findings}, in the same order.
   *
   * @param sources the text each finding's path points into (the version the findings were made
   *     on); a finding whose source is absent is fingerprinted by its message instead
   */
  public static List<String> of(List<Finding> findings, Map<String, SourceFile> sources) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      order.add(i);
    }
    order.sort(
        (a, b) -> {
          Finding fa = findings.get(a);
          Finding fb = findings.get(b);
          int c = fa.path().compareTo(fb.path());
          return c != 0 ? c : Integer.compare(fa.span().startOffset(), fb.span().startOffset());
        });
    String[] out = new String[findings.size()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i : order) {
      Finding f = findings.get(i);
      String key = f.ruleId() + "\u0000" + f.path() + "\u0000" + offendingText(f, sources);
      int occurrence = seen.merge(key, 1, Integer::sum) - 1;
      out[i] = hash(key + "\u0000" + occurrence);
    }
    return List.of(out);
  }

  /** The normalised text a fingerprint uses for one finding. */
  static String offendingText(Finding f, Map<String, SourceFile> sources) {
    SourceFile source = sources.get(f.path());
    if (source == null || f.span().endOffset() > source.text().length()) {
      return "message:" + f.message();
    }
    int start = f.span().startOffset();
    int end = Math.min(f.span().endOffset(), source.lineContentEnd(source.lineOf(start)));
    if (end <= start) {
      // An empty span (a missing thing) is identified by the line it points at.
      end = source.lineContentEnd(source.lineOf(start));
      start = source.lineStart(source.lineOf(start));
    }
    return source.text().substring(start, end).strip().replaceAll("\\s+", " ");
  }

  private static String hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The hidden marker a comment carries: invisible on GitHub, read back on the next push. */
  public static String marker(String fingerprint, String ruleId) {
    return "<!-- hullcheck:fp=" + fingerprint + " rule=" + ruleId + " -->";
  }

  /** A marker read back from a comment body. */
  public record Marker(String fingerprint, String ruleId) {}

  /** The marker in {@code body}, if it carries one. */
  public static Optional<Marker> parse(String body) {
    if (body == null) {
      return Optional.empty();
    }
    Matcher m = MARKER.matcher(body);
    return m.find() ? Optional.of(new Marker(m.group(1), m.group(2))) : Optional.empty();
  }
}
