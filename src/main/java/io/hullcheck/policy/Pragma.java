package io.hullcheck.policy;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One suppression comment, read from its text.
 *
 * <ul>
 *   <li>{@code # hullcheck ignore=<rule-id>[,<rule-id>] -- <reason>}: the next instruction or YAML
 *       entry;
 *   <li>{@code # hullcheck ignore-file=<rule-id>[,...] -- <reason>}: the whole file;
 *   <li>{@code # hadolint ignore=DL3006,DL3008} (next instruction) and {@code # hadolint global
 *       ignore=...} (file); a reason may follow after {@code #} or {@code --};
 *   <li>{@code # trivy:ignore:DS-0002} (also {@code AVD-DS-0002} and the old {@code DS002}),
 *       several ids as several {@code trivy:ignore:} words: the next instruction;
 *   <li>{@code # checkov:skip=CKV_DOCKER_3:<reason>}: the whole file, as Checkov applies it to
 *       Dockerfiles.
 * </ul>
 *
 * @param source {@code hullcheck}, {@code hadolint}, {@code trivy} or {@code checkov}
 * @param ids the ids as written (rule ids for {@code hullcheck}, the tool's ids otherwise)
 * @param reason the reason given, or null
 * @param malformed for a comment that starts like a hullcheck pragma but cannot be read, what is
 *     wrong; else null
 */
record Pragma(
    String source,
    boolean wholeFile,
    List<String> ids,
    String reason,
    Span span,
    String malformed) {

  static final String HULLCHECK = "hullcheck";

  private static final Pattern HULLCHECK_FORM =
      Pattern.compile(
          "hullcheck\\s+(ignore|ignore-file)\\s*=\\s*([^\\s]+)\\s*(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ATTEMPT =
      Pattern.compile("hullcheck\\s+(ignore\\S*|[\\w-]+\\s*=).*", Pattern.CASE_INSENSITIVE);
  private static final Pattern HADOLINT_FORM =
      Pattern.compile(
          "hadolint\\s+(global\\s+)?ignore\\s*=\\s*([^\\s#]+)\\s*(.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRIVY_WORD =
      Pattern.compile("trivy:ignore:([A-Za-z0-9_-]+)(\\[[^\\]]*\\])?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHECKOV_FORM =
      Pattern.compile("checkov:skip=([A-Za-z0-9_,\\s]+?)(?::(.*))?", Pattern.CASE_INSENSITIVE);

  /** The pragma in a comment, if it is one. */
  static Optional<Pragma> parse(Comment comment) {
    String text = comment.text().trim();
    String lower = text.toLowerCase(Locale.ROOT);
    Span span = comment.span();
    if (lower.startsWith("hullcheck")) {
      Matcher m = HULLCHECK_FORM.matcher(text);
      if (!m.matches()) {
        // Only what looks like an attempt at a pragma (`hullcheck ignroe=x`, `hullcheck ignore
        // x`) is reported; prose that starts with the word, like "Hullcheck's image", is not.
        return ATTEMPT.matcher(text).matches()
            ? Optional.of(
                new Pragma(
                    HULLCHECK,
                    false,
                    List.of(),
                    null,
                    span,
                    "not a suppression Hullcheck understands; write"
                        + " `# hullcheck ignore=<rule-id> -- <reason>` or"
                        + " `# hullcheck ignore-file=<rule-id> -- <reason>`"))
            : Optional.empty();
      }
      boolean file = m.group(1).equalsIgnoreCase("ignore-file");
      String rest = m.group(3).trim();
      String reason = null;
      if (rest.startsWith("--")) {
        reason = rest.substring(2).trim();
      } else if (!rest.isEmpty()) {
        return Optional.of(
            new Pragma(
                HULLCHECK,
                file,
                ids(m.group(2)),
                null,
                span,
                "the reason must follow ` -- ` after the rule ids, found `" + rest + "`"));
      }
      return Optional.of(
          new Pragma(HULLCHECK, file, ids(m.group(2)), blankToNull(reason), span, null));
    }
    if (lower.startsWith("hadolint")) {
      Matcher m = HADOLINT_FORM.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new Pragma(
              "hadolint",
              m.group(1) != null,
              ids(m.group(2)),
              trailingReason(m.group(3)),
              span,
              null));
    }
    if (lower.startsWith("trivy:ignore:")) {
      List<String> ids = new ArrayList<>();
      Matcher m = TRIVY_WORD.matcher(text);
      int end = 0;
      while (m.find() && text.substring(end, m.start()).isBlank()) {
        ids.add(m.group(1));
        end = m.end();
      }
      return Optional.of(
          new Pragma("trivy", false, ids, trailingReason(text.substring(end)), span, null));
    }
    if (lower.startsWith("checkov:skip=")) {
      Matcher m = CHECKOV_FORM.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      return Optional.of(
          new Pragma(
              "checkov",
              true,
              ids(m.group(1)),
              blankToNull(m.group(2) == null ? null : m.group(2).trim()),
              span,
              null));
    }
    return Optional.empty();
  }

  private static List<String> ids(String list) {
    List<String> out = new ArrayList<>();
    for (String id : list.split(",")) {
      if (!id.isBlank()) {
        out.add(id.trim());
      }
    }
    return List.copyOf(out);
  }

  /** A reason after {@code --} or {@code #}, as the migration pragmas allow. */
  private static String trailingReason(String rest) {
    String r = rest.trim();
    if (r.startsWith("--") || r.startsWith("#")) {
      r = r.substring(r.startsWith("--") ? 2 : 1).trim();
    }
    return blankToNull(r);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** How this pragma is written, for messages: {@code # hullcheck ignore=...}. */
  String form() {
    String list = String.join(",", ids);
    return switch (source) {
      case HULLCHECK -> "# hullcheck " + (wholeFile ? "ignore-file=" : "ignore=") + list;
      case "hadolint" -> "# hadolint " + (wholeFile ? "global " : "") + "ignore=" + list;
      case "trivy" -> "# trivy:ignore:" + list;
      default -> "# checkov:skip=" + list;
    };
  }
}
