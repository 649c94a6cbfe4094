package io.hullcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hullcheck.engine.BuildLink;
import io.hullcheck.engine.FileProblem;
import io.hullcheck.engine.ScanResult;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.TextEdit;
import java.util.List;
import java.util.Map;

/**
 * {@code --format json}: one object {@code {"findings": [...], "problems": [...], "files": N}}.
 * Lines and columns are 1-based, end columns exclusive; paths are relative to the scanned root and
 * {@code /}-separated. Suppressed findings are included with {@code "suppressed": true}.
 */
public final class JsonReport {
  private JsonReport() {}

  public static String render(ScanResult result, Map<String, SourceFile> sources) {
    return Json.write(tree(result, sources));
  }

  public static ObjectNode tree(ScanResult result, Map<String, SourceFile> sources) {
    ObjectNode root = Json.NODES.objectNode();
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode n = finding(f, sources.get(f.path()));
      List<BuildLink> links = result.builtBy().get(f.path());
      if (links != null) {
        ArrayNode built = n.putArray("builtBy");
        for (BuildLink l : links) {
          ObjectNode b = built.addObject();
          b.put("service", l.service());
          b.put("path", l.composePath());
          b.put("line", l.line());
        }
      }
      findings.add(n);
    }
    ArrayNode problems = root.putArray("problems");
    for (FileProblem p : result.problems()) {
      ObjectNode n = problems.addObject();
      n.put("path", p.path());
      n.put("line", p.line());
      n.put("column", p.column());
      n.put("message", p.message());
    }
    root.put("files", result.files());
    return root;
  }

  static ObjectNode finding(Finding f, SourceFile source) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("ruleId", f.ruleId());
    n.put("path", f.path());
    Span s = f.span();
    n.put("line", s.startLine());
    n.put("column", s.startColumn());
    n.put("endLine", s.endLine());
    n.put("endColumn", s.endColumn());
    n.put("severity", f.severity().id());
    n.put("category", f.category().id());
    n.put("message", f.message());
    if (f.note() != null) {
      n.put("note", f.note());
    }
    if (f.fix() == null || source == null) {
      n.putNull("fix");
    } else {
      n.set("fix", fix(f.fix(), source));
    }
    n.put("suppressed", f.suppressed());
    if (f.suppressed()) {
      ObjectNode sup = n.putObject("suppression");
      sup.put("source", f.suppression().source());
      if (f.suppression().reason() == null) {
        sup.putNull("reason");
      } else {
        sup.put("reason", f.suppression().reason());
      }
    }
    return n;
  }

  static ObjectNode fix(Fix fix, SourceFile source) {
    ObjectNode n = Json.NODES.objectNode();
    n.put("description", fix.description());
    ArrayNode edits = n.putArray("edits");
    if (fix.elsewhere()) {
      // The edits are on another file (a .dockerignore) whose text is not here: offsets only.
      n.put("path", fix.path());
      for (TextEdit e : fix.edits()) {
        edits
            .addObject()
            .put("startOffset", e.startOffset())
            .put("endOffset", e.endOffset())
            .put("text", e.text());
      }
      return n;
    }
    for (TextEdit e : fix.edits()) {
      Span s = source.span(e.startOffset(), e.endOffset());
      ObjectNode en = edits.addObject();
      en.put("line", s.startLine());
      en.put("column", s.startColumn());
      en.put("endLine", s.endLine());
      en.put("endColumn", s.endColumn());
      en.put("text", e.text());
    }
    return n;
  }
}
