package io.hullcheck.dockerfile;

import io.hullcheck.dockerfile.Expander.Var;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BuildKit's variable scope for one stage.
 *
 * <ul>
 *   <li>The FROM line (and global ARGs) see the global ARGs declared before them. A name no global
 *       ARG declares is unset there (BuildKit expands it to empty), except the build platform ARGs,
 *       which BuildKit fills in and are therefore unknown.
 *   <li>Later instructions see the stage's ARG and ENV declared before them (an instruction's own
 *       pairs are not visible to it); ENV wins over ARG of the same name; {@code ARG X} without a
 *       value takes the global default; then ENV inherited from the stage this one builds FROM;
 *       then nothing: unknown, as the base image may set it, unless the chain starts at {@code
 *       scratch}.
 *   <li>A value is never guessed: an ARG without any default is unknown (a build arg may set it).
 * </ul>
 *
 * <p>Immutable once built by {@link StageAssembler}.
 */
final class StageScope implements Scope {

  /** A declaration: an ARG or ENV pair, at the start offset of its instruction. */
  record Binding(String name, boolean env, Var var, int offset) {}

  /** ARGs BuildKit sets for every FROM line without a declaration. */
  static final Set<String> PLATFORM_ARGS =
      Set.of(
          "TARGETPLATFORM",
          "TARGETOS",
          "TARGETARCH",
          "TARGETVARIANT",
          "BUILDPLATFORM",
          "BUILDOS",
          "BUILDARCH",
          "BUILDVARIANT");

  private final char escape;
  private final List<Binding> globals;
  private final List<Binding> locals;
  private final int fromOffset;
  private final StageScope parent;
  private final boolean emptyBase;

  StageScope(
      char escape,
      List<Binding> globals,
      List<Binding> locals,
      int fromOffset,
      StageScope parent,
      boolean emptyBase) {
    this.escape = escape;
    this.globals = globals;
    this.locals = locals;
    this.fromOffset = fromOffset;
    this.parent = parent;
    this.emptyBase = emptyBase;
  }

  @Override
  public Optional<String> expand(String text, Instruction at) {
    int offset = offsetOf(at);
    return Expander.expand(text, escape, name -> lookup(name, offset));
  }

  @Override
  public Optional<String> variable(String name, Instruction at) {
    Var v = lookup(name, offsetOf(at));
    return v.state() == Expander.State.KNOWN ? Optional.of(v.value()) : Optional.empty();
  }

  /** Expands {@code text} as seen at source offset {@code offset}. */
  Optional<String> expandAt(String text, int offset) {
    return Expander.expand(text, escape, name -> lookup(name, offset));
  }

  private static int offsetOf(Instruction at) {
    return at == null ? Integer.MAX_VALUE : at.span().startOffset();
  }

  Var lookup(String name, int offset) {
    if (offset <= fromOffset) {
      return global(name, offset);
    }
    Var arg = null;
    for (int i = locals.size() - 1; i >= 0; i--) {
      Binding b = locals.get(i);
      if (b.offset() < offset && b.name().equals(name)) {
        if (b.env()) {
          return b.var();
        }
        if (arg == null) {
          arg = b.var();
        }
      }
    }
    if (arg != null) {
      return arg;
    }
    Var inherited = parent == null ? null : parent.envAtEnd(name);
    if (inherited != null) {
      return inherited;
    }
    return emptyBase ? Var.UNSET : Var.UNKNOWN;
  }

  /** A global ARG as seen at {@code offset}; BuildKit's view of a FROM line. */
  Var global(String name, int offset) {
    for (int i = globals.size() - 1; i >= 0; i--) {
      Binding b = globals.get(i);
      if (b.offset() < offset && b.name().equals(name)) {
        return b.var();
      }
    }
    return PLATFORM_ARGS.contains(name) ? Var.UNKNOWN : Var.UNSET;
  }

  /** Whether a global ARG of this name is declared (with or without a value). */
  boolean declaresGlobal(String name) {
    for (Binding b : globals) {
      if (b.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The ENV a stage built FROM this one inherits, or null when none of the chain sets it. */
  private Var envAtEnd(String name) {
    for (int i = locals.size() - 1; i >= 0; i--) {
      Binding b = locals.get(i);
      if (b.env() && b.name().equals(name)) {
        return b.var();
      }
    }
    return parent == null ? null : parent.envAtEnd(name);
  }

  boolean emptyBase() {
    return emptyBase;
  }
}
