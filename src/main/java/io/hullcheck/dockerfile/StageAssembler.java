package io.hullcheck.dockerfile;

import io.hullcheck.dockerfile.Expander.Var;
import io.hullcheck.dockerfile.StageScope.Binding;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Groups parsed instructions into global ARGs and stages, resolves {@code FROM <earlier stage>},
 * builds each stage's {@link Scope}, and reports what BuildKit refuses at stage level (instructions
 * before the first FROM, FROM arity, stage names).
 */
final class StageAssembler {
  private StageAssembler() {}

  static Dockerfile assemble(
      SourceFile source,
      char escape,
      List<Directive> directives,
      List<Instruction> instructions,
      List<Comment> comments,
      List<ParseProblem> problems) {
    List<Instruction> globalArgs = new ArrayList<>();
    List<Instruction> froms = new ArrayList<>();
    List<List<Instruction>> bodies = new ArrayList<>();
    List<Instruction> beforeFrom = new ArrayList<>();
    for (Instruction ins : instructions) {
      if (ins.is("FROM")) {
        froms.add(ins);
        bodies.add(new ArrayList<>());
      } else if (!froms.isEmpty()) {
        bodies.get(bodies.size() - 1).add(ins);
      } else if (ins.is("ARG")) {
        globalArgs.add(ins);
      } else if (DockerfileParser.KEYWORDS.contains(ins.keyword())) {
        beforeFrom.add(ins);
      }
    }
    if (froms.isEmpty() && !instructions.isEmpty()) {
      // One problem for the file, not one per instruction: nothing in it can be built.
      Instruction first = beforeFrom.isEmpty() ? instructions.get(0) : beforeFrom.get(0);
      problems.add(
          new ParseProblem(
              first.keywordSpan(), "no FROM instruction: the Dockerfile has no build stage"));
    } else {
      for (Instruction ins : beforeFrom) {
        problems.add(
            new ParseProblem(
                ins.keywordSpan(),
                ins.keyword() + " before the first FROM: only ARG may come before it"));
      }
    }

    List<Binding> frozenGlobals = globalBindings(escape, globalArgs);

    List<Stage> stages = new ArrayList<>(froms.size());
    for (int i = 0; i < froms.size(); i++) {
      stages.add(stage(escape, i, froms.get(i), bodies.get(i), stages, frozenGlobals, problems));
    }
    return new Dockerfile(
        source,
        escape,
        List.copyOf(directives),
        List.copyOf(instructions),
        List.copyOf(globalArgs),
        List.copyOf(stages),
        List.copyOf(comments),
        List.copyOf(problems));
  }

  /** The global ARG declarations in order, each default expanded with the ARGs before it. */
  static List<Binding> globalBindings(char escape, List<Instruction> globalArgs) {
    List<Binding> globals = new ArrayList<>();
    StageScope scope = new StageScope(escape, globals, List.of(), Integer.MAX_VALUE, null, false);
    for (Instruction arg : globalArgs) {
      int offset = arg.span().startOffset();
      for (KeyValue kv : arg.keyValues()) {
        Var v = kv.rawValue() == null ? Var.UNKNOWN : known(scope.expandAt(kv.rawValue(), offset));
        globals.add(new Binding(kv.key(), false, v, offset));
      }
    }
    return List.copyOf(globals);
  }

  /** The scope of the global ARGs alone, as the FROM lines see it. */
  static Scope globalScope(char escape, List<Instruction> globalArgs) {
    return new StageScope(
        escape, globalBindings(escape, globalArgs), List.of(), Integer.MAX_VALUE, null, false);
  }

  private static Var known(Optional<String> value) {
    return value.map(Var::known).orElse(Var.UNKNOWN);
  }

  private static Stage stage(
      char escape,
      int index,
      Instruction from,
      List<Instruction> body,
      List<Stage> earlier,
      List<Binding> globals,
      List<ParseProblem> problems) {
    List<Word> words = from.args();
    String image = words.isEmpty() ? "" : words.get(0).raw();
    String alias = null;
    if (words.size() == 3 && words.get(1).value().equalsIgnoreCase("AS")) {
      alias = words.get(2).value();
      checkAlias(alias, words.get(2), problems);
    } else if (words.size() == 3) {
      problems.add(
          new ParseProblem(
              words.get(1).span(),
              "when using FROM with three arguments, the second argument must be AS"));
    } else if (words.size() > 1) {
      problems.add(
          new ParseProblem(
              from.argSpan(), "FROM requires either one or three arguments: FROM image [AS name]"));
    }

    int fromOffset = from.span().startOffset();
    StageScope fromScope = new StageScope(escape, globals, List.of(), fromOffset, null, false);
    Optional<String> resolved = fromScope.expandAt(image, fromOffset);
    if (!image.isEmpty() && resolved.filter(String::isBlank).isPresent()) {
      problems.add(
          new ParseProblem(words.get(0).span(), "base name (" + image + ") should not be blank"));
    }
    Stage parent = null;
    if (resolved.isPresent()) {
      for (int i = earlier.size() - 1; i >= 0; i--) {
        Stage s = earlier.get(i);
        if (s.alias() != null && s.alias().equalsIgnoreCase(resolved.get())) {
          parent = s;
          break;
        }
      }
    }
    StageScope parentScope = parent == null ? null : (StageScope) parent.scope();
    boolean emptyBase =
        parentScope != null
            ? parentScope.emptyBase()
            : resolved.filter(r -> r.equalsIgnoreCase("scratch")).isPresent();

    List<Binding> locals = new ArrayList<>();
    StageScope building =
        new StageScope(escape, globals, locals, fromOffset, parentScope, emptyBase);
    for (Instruction ins : body) {
      boolean env = ins.is("ENV");
      if (!env && !ins.is("ARG")) {
        continue;
      }
      int offset = ins.span().startOffset();
      for (KeyValue kv : ins.keyValues()) {
        Var v;
        if (kv.rawValue() != null) {
          v = known(building.expandAt(kv.rawValue(), offset));
        } else if (!env && fromScope.declaresGlobal(kv.key())) {
          v = fromScope.global(kv.key(), fromOffset);
        } else {
          v = Var.UNKNOWN;
        }
        locals.add(new Binding(kv.key(), env, v, offset));
      }
    }
    StageScope scope =
        new StageScope(escape, globals, List.copyOf(locals), fromOffset, parentScope, emptyBase);
    return new Stage(index, from, image, alias, List.copyOf(body), parent, scope);
  }

  private static void checkAlias(String alias, Word word, List<ParseProblem> problems) {
    if (!validStageName(alias.toLowerCase(Locale.ROOT))) {
      problems.add(
          new ParseProblem(
              word.span(),
              "invalid name for build stage: \""
                  + alias
                  + "\", name can't start with a number or contain symbols"));
    }
  }

  /** BuildKit's {@code ^[a-z][a-z0-9-_.]*$}. */
  private static boolean validStageName(String name) {
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
