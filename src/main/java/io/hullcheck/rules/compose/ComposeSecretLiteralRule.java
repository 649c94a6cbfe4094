package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.EnvVar;
import io.hullcheck.compose.YScalar;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.Secrets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A literal secret in {@code environment} or {@code build.args}: a variable whose name says secret
 * (option {@code name_patterns}, default {@link Secrets#DEFAULT_NAME_PATTERNS}) with a literal
 * value, or any value with the format of a real credential. Exempt: references ({@code ${X}}), bare
 * names, empty values and switches ({@code yes}, {@code false}), and {@code *_FILE} variables
 * (which hold a path). Messages never repeat the value. The fix replaces the literal with {@code
 * ${NAME:?set NAME in the environment or .env}}, keeping list or map form and quoting.
 */
@RuleInfo(
    id = "compose-secret-literal",
    title = "Secret written in the compose file",
    severity = Severity.ERROR,
    target = Target.COMPOSE,
    category = Category.SECRETS,
    fixable = true,
    rationale =
        "A secret in a compose file is in every clone, fork and backup of the repository and in"
            + " its history for good; build args also end up in the image's history.",
    kics = "passwords_and_secrets",
    cis = "4.10")
public final class ComposeSecretLiteralRule implements ComposeRule {
  private static final int MIN_CREDENTIAL_LENGTH = 10;
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public List<Finding> check(ComposeFile compose, RuleContext context) {
    if (compose.root() == null) {
      return List.of();
    }
    List<String> patterns =
        context.options().getStringList("name_patterns", Secrets.DEFAULT_NAME_PATTERNS);
    YamlEdits edits = new YamlEdits(compose.source(), compose.root());
    ValueFindings found = new ValueFindings(this, compose, context);
    for (Service s : compose.services()) {
      for (EnvVar v : s.environment()) {
        check(edits, found, s, "environment", v, patterns);
      }
      if (s.build() != null) {
        for (EnvVar v : s.build().args()) {
          check(edits, found, s, "build", v, patterns);
        }
      }
    }
    return found.findings();
  }

  private static void check(
      YamlEdits edits,
      ValueFindings found,
      Service s,
      String topKey,
      EnvVar v,
      List<String> patterns) {
    if (v.rawValue() == null || v.valueSpan() == null || Secrets.isReference(v.rawValue())) {
      return;
    }
    String value = v.value() == null ? v.rawValue() : v.value();
    // Every credential format is at least ten characters long (a://u:p@h), so shorter values
    // skip the format scan, which dominates this rule's cost.
    List<Secrets.Match> credentials =
        value.length() < MIN_CREDENTIAL_LENGTH ? List.of() : Secrets.findCredentials(value);
    String what;
    if (!credentials.isEmpty()) {
      what =
          "The value of "
              + v.name()
              + " has the format of a credential ("
              + credentials.get(0).kind().label()
              + ")";
    } else if (Secrets.isSecretName(v.name(), patterns)
        && !Secrets.isPlaceholder(value)
        && !Secrets.isRunSecretsPath(value)) {
      what = v.name() + " is set to a literal secret";
    } else {
      return;
    }
    String where =
        topKey.equals("build")
            ? " in build.args, which also keeps it in the image's history; pass it as a build"
                + " secret (build.secrets) or from the environment, and rotate it"
            : "; set it from the environment or .env (${"
                + v.name()
                + ":?...}) or mount it as a compose secret (secrets:), and rotate it";
    found.add(
        s,
        topKey,
        edits.source().span(v.valueSpan().startOffset(), v.valueSpan().endOffset()),
        what + where,
        () -> fix(edits, v));
  }

  private static Fix fix(YamlEdits edits, EnvVar v) {
    if (!VARIABLE_NAME.matcher(v.name()).matches() || !(v.node() instanceof YScalar node)) {
      return null;
    }
    String ref = "${" + v.name() + ":?set " + v.name() + " in the environment or .env}";
    TextEdit edit;
    if (v.listForm()) {
      int eq = node.raw().indexOf('=');
      if (eq < 0) {
        return null;
      }
      edit = edits.replaceScalar(node, node.raw().substring(0, eq + 1) + ref, false);
    } else {
      edit = edits.replaceScalar(node, ref, false);
    }
    return edit == null
        ? null
        : Fix.of("Take " + v.name() + " from the environment instead of the file", edit);
  }
}
