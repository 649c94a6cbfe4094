package io.hullcheck.rules.dockerfile;

import io.hullcheck.compose.WrittenText;
import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.KeyValue;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An ARG or ENV whose name says it holds a secret. ENV is reported when it sets a literal: the
 * value is in the image config for anyone who pulls the image. ARG is reported when its default is
 * a literal, or when the stage uses it (a later RUN, or an instruction that expands it): a build
 * arg's value is recorded in the image history of every RUN that sees it. Not reported: empty
 * values and switches ({@code ALLOW_EMPTY_PASSWORD=yes}), values taken from another variable (that
 * one is checked where it is declared) unless a default of it is a literal ({@code
 * ${DB_PASS:-hunter2}}; empty, switch and stand-in defaults such as {@code changeme} do not count),
 * {@code *_FILE} names that point into {@code /run/secrets}, an ARG that is declared but never
 * used, and names where the secret word is followed by a metadata word ({@code
 * PASSWORD_MIN_LENGTH}, {@code TOKEN_URL}, {@code *_SHA256}, {@code *_VERSION}).
 */
@RuleInfo(
    id = "secret-in-build-variable",
    title = "Secret passed through ARG or ENV",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.SECRETS,
    rationale =
        "ENV values are stored in the image config and build args in its history, so anyone who"
            + " can pull the image can read them with docker inspect or docker history.",
    hadolint = {"DL3064"},
    trivy = {"DS-0031"},
    kics = {"passwords_and_secrets"},
    cis = {"4.10"})
public final class SecretInBuildVariable implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<String> patterns =
        context.options().getStringList("secret_name_patterns", Secrets.DEFAULT_NAME_PATTERNS);
    List<Finding> findings = new ArrayList<>();
    for (Instruction arg : dockerfile.globalArgs()) {
      checkVariables(dockerfile, arg, List.of(), patterns, findings);
    }
    for (Stage stage : dockerfile.stages()) {
      List<Instruction> ins = stage.instructions();
      for (int i = 0; i < ins.size(); i++) {
        if (ins.get(i).is("ARG") || ins.get(i).is("ENV")) {
          checkVariables(
              dockerfile, ins.get(i), ins.subList(i + 1, ins.size()), patterns, findings);
        }
      }
    }
    return findings;
  }

  private void checkVariables(
      Dockerfile dockerfile,
      Instruction ins,
      List<Instruction> later,
      List<String> patterns,
      List<Finding> findings) {
    boolean isArg = ins.is("ARG");
    boolean global = ins.stageIndex() < 0;
    for (KeyValue kv : ins.keyValues()) {
      String message = judge(kv, isArg, global, later, patterns);
      if (message != null) {
        findings.add(finding(dockerfile.source(), kv.span(), message));
      }
    }
  }

  /**
   * Whether a value with references writes a secret as the default of one ({@code
   * ${DB_PASSWORD:-hunter2}}): the default is in the Dockerfile and becomes the value wherever the
   * variable is unset. Empty, switch and stand-in defaults ({@code changeme}, {@code xxx}) are not
   * secrets. The {@code :-} and {@code -} forms read as in Compose ({@link WrittenText}); a value
   * with an escaped {@code $} is left alone, since WrittenText does not know Dockerfile escapes.
   */
  private static boolean hasLiteralDefault(String raw) {
    if (raw.contains("\\$") || raw.contains("`$")) {
      return false;
    }
    return !Secrets.literalDefaults(WrittenText.of(raw)).isEmpty();
  }

  /** The message for a secret variable, or null when it carries no secret into the image. */
  private static String judge(
      KeyValue kv, boolean isArg, boolean global, List<Instruction> later, List<String> patterns) {
    String name = kv.key();
    String kw = isArg ? "ARG " : "ENV ";
    boolean literal =
        kv.value() != null
            && !Secrets.isPlaceholder(kv.value())
            && (!Secrets.isReference(kv.rawValue()) || hasLiteralDefault(kv.rawValue()));
    if (Secrets.isFileName(name)) {
      if (!Secrets.isSecretName(Secrets.withoutFileSuffix(name), patterns)
          || !literal
          || Secrets.isRunSecretsPath(kv.value())) {
        return null;
      }
      return kw
          + name
          + " points at "
          + kv.value()
          + ", a secret file inside the image; mount"
          + " the secret at run time under /run/secrets (compose or swarm secrets) instead";
    }
    if (!Secrets.isSecretName(name, patterns)) {
      return null;
    }
    if (literal) {
      return kw
          + name
          + " sets a secret value that is stored in the image "
          + (isArg ? "history" : "config")
          + " and readable by anyone who can pull it; remove it"
          + " and rotate it, then pass build secrets with RUN --mount=type=secret,id="
          + name.toLowerCase(Locale.ROOT)
          + " and runtime secrets at run time";
    }
    if (!isArg || global || !usedLater(name, later)) {
      return null;
    }
    return "ARG "
        + name
        + " passes a secret as a build argument, which docker history shows for"
        + " every RUN that uses it; use RUN --mount=type=secret,id="
        + name.toLowerCase(Locale.ROOT)
        + " and docker build --secret instead";
  }

  /**
   * Whether the stage uses the ARG after declaring it: any later RUN (build args are in every RUN's
   * environment, so {@code npm ci} reads {@code NPM_TOKEN} through {@code .npmrc} without naming
   * it, and the value is recorded in that RUN's history entry), or another instruction that expands
   * it ({@code ENV TOKEN=$TOKEN} copies it into the image config).
   */
  private static boolean usedLater(String name, List<Instruction> later) {
    Pattern ref =
        Pattern.compile(
            "\\$(?:"
                + Pattern.quote(name)
                + "(?![A-Za-z0-9_])|\\{"
                + Pattern.quote(name)
                + "[}:+?-])");
    for (Instruction ins : later) {
      if (ins.is("RUN") || ref.matcher(ins.argText()).find()) {
        return true;
      }
      for (Word w : ins.args()) {
        if (ref.matcher(w.raw()).find()) {
          return true;
        }
      }
    }
    return false;
  }
}
