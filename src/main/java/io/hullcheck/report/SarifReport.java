package io.hullcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.engine.BuildLink;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.FindingKey;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleMeta;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.TextEdit;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log with one run. The driver lists every rule of the
 * catalogue (plus any id a result uses that is not in it, such as {@code internal-error}); results
 * carry regions, verified fixes as {@code fixes}, and suppressed findings as {@code suppressions}.
 * Parse problems are tool execution notifications. Columns count UTF-16 code units, as ours do.
 */
public final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";

  private SarifReport() {}

  /**
   * @param catalogue the rules that ran (their metadata)
   * @param version Hullcheck's version
   * @param docsBase where rule pages are published, see {@link Docs}
   */
  public static String render(
      ScanResult result,
      Map<String, SourceFile> sources,
      List<RuleMeta> catalogue,
      String version,
      String docsBase) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Hullcheck");
    driver.put("version", version);
    driver.put("informationUri", docsBase + "README.md");
    ArrayNode rules = driver.putArray("rules");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (RuleMeta m : catalogue) {
      index.put(m.id(), index.size());
      rules.add(rule(m, docsBase));
    }
    for (Finding f : result.findings()) {
      if (!index.containsKey(f.ruleId())) {
        index.put(f.ruleId(), index.size());
        ObjectNode r = rules.addObject();
        r.put("id", f.ruleId());
        r.put("name", name(f.ruleId()));
        r.putObject("shortDescription").put("text", f.ruleId());
        r.put("helpUri", docsBase + "docs/rules/" + f.ruleId() + ".md");
        r.putObject("properties").put("category", f.category().id());
      }
    }
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    Map<String, Integer> occurrences = new HashMap<>();
    for (Finding f : result.findings()) {
      ObjectNode r = result(f, sources.get(f.path()), index.get(f.ruleId()), occurrences);
      relatedLocations(r, result.builtBy().get(f.path()));
      results.add(r);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (FileProblem p : result.problems()) {
      ObjectNode n = notes.addObject();
      n.put("level", "error");
      n.putObject("message").put("text", p.message());
      ObjectNode loc = n.putArray("locations").addObject().putObject("physicalLocation");
      artifact(loc.putObject("artifactLocation"), p.path());
      ObjectNode region = loc.putObject("region");
      region.put("startLine", Math.max(1, p.line()));
      region.put("startColumn", Math.max(1, p.column()));
    }
    return Json.write(root);
  }

  private static ObjectNode rule(RuleMeta m, String docsBase) {
    ObjectNode r = Json.NODES.objectNode();
    r.put("id", m.id());
    r.put("name", name(m.id()));
    r.putObject("shortDescription").put("text", m.title());
    r.putObject("fullDescription").put("text", m.rationale());
    r.put("helpUri", Docs.url(docsBase, m));
    r.putObject("help").put("text", m.rationale());
    ObjectNode config = r.putObject("defaultConfiguration");
    config.put("enabled", m.enabledByDefault());
    config.put("level", level(m.severity()));
    ObjectNode props = r.putObject("properties");
    props.put("category", m.category().id());
    props.put("target", m.target().id());
    props.put("fixable", m.fixable());
    props.putArray("tags").add("docker").add(m.category().id());
    ObjectNode eq = props.putObject("equivalents");
    m.equivalents().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .filter(e -> !e.getValue().isEmpty())
        .forEach(e -> e.getValue().forEach(eq.withArray(e.getKey())::add));
    return r;
  }

  private static ObjectNode result(
      Finding f, SourceFile source, int ruleIndex, Map<String, Integer> occurrences) {
    ObjectNode r = Json.NODES.objectNode();
    r.put("ruleId", f.ruleId());
    r.put("ruleIndex", ruleIndex);
    r.put("level", level(f.severity()));
    String text = f.note() == null ? f.message() : f.message() + " (" + f.note() + ")";
    r.putObject("message").put("text", text);
    ObjectNode loc = r.putArray("locations").addObject().putObject("physicalLocation");
    artifact(loc.putObject("artifactLocation"), f.path());
    region(loc.putObject("region"), f.span());
    if (source != null) {
      r.putObject("partialFingerprints").put("hullcheck/v1", fingerprint(f, source, occurrences));
    }
    // A fix on another file (a .dockerignore) has no text here to place its regions in.
    if (f.fix() != null && !f.fix().elsewhere() && source != null) {
      ObjectNode fix = r.putArray("fixes").addObject();
      fix.putObject("description").put("text", f.fix().description());
      ObjectNode change = fix.putArray("artifactChanges").addObject();
      artifact(change.putObject("artifactLocation"), f.path());
      ArrayNode replacements = change.putArray("replacements");
      for (TextEdit e : f.fix().edits()) {
        ObjectNode rep = replacements.addObject();
        ObjectNode deleted = rep.putObject("deletedRegion");
        region(deleted, source.span(e.startOffset(), e.endOffset()));
        deleted.put("charOffset", e.startOffset());
        deleted.put("charLength", e.endOffset() - e.startOffset());
        rep.putObject("insertedContent").put("text", e.text());
      }
    }
    if (f.suppressed()) {
      ObjectNode s = r.putArray("suppressions").addObject();
      s.put("kind", f.suppression().span() != null ? "inSource" : "external");
      s.put("status", "accepted");
      if (f.suppression().reason() != null) {
        s.put("justification", f.suppression().reason());
      }
      s.putObject("properties").put("source", f.suppression().source());
    }
    return r;
  }

  /** A Dockerfile finding's related locations: the compose services built from the file. */
  private static void relatedLocations(ObjectNode result, List<BuildLink> links) {
    if (links == null || links.isEmpty()) {
      return;
    }
    ArrayNode related = result.putArray("relatedLocations");
    int id = 1;
    for (BuildLink link : links) {
      ObjectNode loc = related.addObject();
      loc.put("id", id++);
      ObjectNode physical = loc.putObject("physicalLocation");
      artifact(physical.putObject("artifactLocation"), link.composePath());
      ObjectNode region = physical.putObject("region");
      region.put("startLine", link.line());
      region.put("startColumn", link.column());
      loc.putObject("message").put("text", "built by service " + link.service());
    }
  }

  private static void region(ObjectNode region, Span s) {
    region.put("startLine", s.startLine());
    region.put("startColumn", s.startColumn());
    region.put("endLine", s.endLine());
    region.put("endColumn", s.endColumn());
  }

  /**
   * A path under the scanned root is relative to {@code %SRCROOT%}; one outside it (a file named on
   * the command line, reported as given) is an absolute {@code file} URI with no base.
   */
  private static void artifact(ObjectNode loc, String path) {
    if (isAbsolute(path)) {
      loc.put("uri", "file://" + (path.startsWith("/") ? "" : "/") + encodePath(path));
    } else {
      loc.put("uri", uri(path));
      loc.put("uriBaseId", SRCROOT);
    }
  }

  /** Percent-encodes every byte of {@code path} that may not stand as it is in a URI's path. */
  static String encodePath(String path) {
    StringBuilder sb = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/:@!$&'()*+,;=".indexOf(c) >= 0)) {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return sb.toString();
  }

  /** {@code /x} or, as Windows paths are reported ({@code /}-separated), {@code C:/x}. */
  static boolean isAbsolute(String path) {
    return path.startsWith("/")
        || path.length() > 2
            && Character.isLetter(path.charAt(0))
            && path.charAt(1) == ':'
            && path.charAt(2) == '/';
  }

  /** A relative path as a URI reference: each segment percent-encoded where it must be. */
  static String uri(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      return path.replace(" ", "%20");
    }
  }

  /** Stable across line shifts: rule, path, offending text, message, occurrence in the file. */
  private static String fingerprint(
      Finding f, SourceFile source, Map<String, Integer> occurrences) {
    FindingKey k = FindingKey.of(f, source);
    String base = f.path() + "\u0000" + k.ruleId() + "\u0000" + k.text() + "\u0000" + k.message();
    int n = occurrences.merge(base, 1, Integer::sum);
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((base + "\u0000" + n).getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        sb.append(String.format(Locale.ROOT, "%02x", h[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** {@code port-exposure} becomes {@code PortExposure}. */
  static String name(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
