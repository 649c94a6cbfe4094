package io.hullcheck.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.Locale;

/** What must hold for any parse result, valid input or not: spans point into the text exactly. */
final class SpanInvariants {
  private SpanInvariants() {}

  static void check(Dockerfile d) {
    SourceFile src = d.source();
    int previousStart = -1;
    for (Instruction ins : d.instructions()) {
      checkInstruction(src, ins);
      assertTrue(ins.span().startOffset() > previousStart, "instructions in file order");
      previousStart = ins.span().startOffset();
      if (ins.onbuild() != null) {
        checkInstruction(src, ins.onbuild());
        assertTrue(ins.span().contains(ins.onbuild().span()), "trigger inside ONBUILD");
      }
    }
    for (Comment c : d.comments()) {
      valid(src, c.span());
      assertEquals('#', src.text().charAt(c.span().startOffset()), "comment starts at #");
    }
    for (Directive x : d.directives()) {
      valid(src, x.span());
    }
    for (ParseProblem p : d.problems()) {
      valid(src, p.span());
    }
    for (Stage s : d.stages()) {
      assertEquals(s.index(), s.from().stageIndex());
      for (Instruction ins : s.instructions()) {
        assertEquals(s.index(), ins.stageIndex());
      }
      s.resolvedImage(); // must not throw
    }
  }

  private static void checkInstruction(SourceFile src, Instruction ins) {
    valid(src, ins.span());
    valid(src, ins.keywordSpan());
    valid(src, ins.argSpan());
    assertTrue(ins.span().contains(ins.keywordSpan()), "keyword inside instruction");
    if (ins.keywordSpan().startLine() == ins.keywordSpan().endLine()) {
      assertEquals(
          ins.keyword(),
          src.slice(ins.keywordSpan()).toUpperCase(Locale.ROOT),
          "keyword span holds the keyword");
    }
    for (Flag f : ins.flags()) {
      valid(src, f.span());
      assertTrue(ins.span().contains(f.span()), "flag inside instruction");
      assertTrue(src.slice(f.span()).startsWith("--"), "flag span starts at its dashes");
      if (f.valueSpan() != null) {
        valid(src, f.valueSpan());
        assertTrue(f.span().contains(f.valueSpan()), "flag value inside flag");
      }
    }
    for (Word w : ins.args()) {
      valid(src, w.span());
      assertTrue(ins.span().contains(w.span()), "word inside instruction");
      if (w.span().startLine() == w.span().endLine()) {
        assertEquals(w.raw(), src.slice(w.span()), "a one-line word's span holds its raw text");
      }
    }
    for (KeyValue kv : ins.keyValues()) {
      valid(src, kv.span());
      valid(src, kv.keySpan());
      if (kv.valueSpan() != null) {
        valid(src, kv.valueSpan());
      }
    }
    for (Heredoc h : ins.heredocs()) {
      valid(src, h.span());
      valid(src, h.bodySpan());
      assertTrue(h.span().contains(h.bodySpan()), "body inside heredoc span");
      assertTrue(ins.span().contains(h.span()), "heredoc inside instruction");
    }
  }

  private static void valid(SourceFile src, Span s) {
    assertTrue(s.endOffset() <= src.text().length(), "span inside the text: " + s);
    assertEquals(src.span(s.startOffset(), s.endOffset()), s, "lines and columns match offsets");
  }
}
