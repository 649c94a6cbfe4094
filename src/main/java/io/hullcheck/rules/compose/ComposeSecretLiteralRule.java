package io.hullcheck.rules.compose;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.Service;
import io.hullcheck.compose.Service.EnvVar;
import io.hullcheck.compose.WrittenText;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A literal secret in {@code environment} or {@code build.args}: a variable whose name says secret
 * (option {@code name_patterns}, default {@link Secrets#DEFAULT_NAME_PATTERNS}) with a literal
 * value, or any value with the format of a real credential. A value with references is judged by
 * what the file writes ({@link WrittenText}): a credential format in a default or replacement
 * ({@code ${V:-d}}, {@code ${V:+r}}) counts, and so does any default of a secret-named variable
 * ({@code PASSWORD: ${DB_PASSWORD:-hunter2}}) unless it is worded as a stand-in ({@code changeme},
 * {@code example}, {@code xxx}; see {@link Secrets#isPlaceholderWording}). Exempt: references
 * without a literal ({@code ${X}}), bare names, empty values and switches ({@code yes}, {@code
 * false}), also as defaults ({@code ${X:-}}), and {@code *_FILE} variables (which hold a path).
 * Messages never repeat the value. The fix replaces a literal with {@code ${NAME:?set NAME in the
 * environment or .env}}, keeping list or map form and quoting; for a default it makes that
 * reference required instead, dropping the default.
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
    if (v.rawValue() == null || v.valueSpan() == null) {
      return;
    }
    // A value with references is judged by what the file itself writes: its defaults and
    // replacements are literals committed with it, whatever the environment holds.
    WrittenText written = Secrets.isReference(v.rawValue()) ? WrittenText.of(v.rawValue()) : null;
    String value;
    if (written != null) {
      value = written.text();
    } else {
      value = v.value() == null ? v.rawValue() : v.value();
    }
    // Every credential format is at least ten characters long (a://u:p@h), so shorter values
    // skip the format scan, which dominates this rule's cost.
    List<Secrets.Match> credentials =
        value.length() < MIN_CREDENTIAL_LENGTH ? List.of() : Secrets.findCredentials(value);
    boolean secretName = Secrets.isSecretName(v.name(), patterns);
    List<WrittenText.Default> secretDefaults =
        written != null && secretName ? Secrets.literalDefaults(written) : List.of();
    List<WrittenText.Default> dropped;
    String what;
    if (!credentials.isEmpty()) {
      dropped = written == null ? List.of() : holding(written, credentials);
      what =
          "The value of "
              + v.name()
              + " has the format of a credential ("
              + credentials.get(0).kind().label()
              + ")"
              + inDefault(dropped);
    } else if (written == null
        && secretName
        && !Secrets.isPlaceholder(value)
        && !Secrets.isRunSecretsPath(value)) {
      dropped = List.of();
      what = v.name() + " is set to a literal secret";
    } else if (!secretDefaults.isEmpty()) {
      dropped = secretDefaults;
      // The default is what the service runs with wherever the variable is unset, and it is in
      // the repository like any literal; a placeholder default only asks for a real value.
      what = v.name() + " is set to a literal secret" + inDefault(dropped);
    } else {
      return;
    }
    List<WrittenText.Default> drop = dropped;
    String ref = drop.isEmpty() ? v.name() : drop.get(0).name();
    String where =
        topKey.equals("build")
            ? " in build.args, which also keeps it in the image's history; pass it as a build"
                + " secret (build.secrets) or from the environment, and rotate it"
            : "; set it from the environment or .env (${"
                + ref
                + ":?...}) or mount it as a compose secret (secrets:), and rotate it";
    found.add(
        s,
        topKey,
        edits.source().span(v.valueSpan().startOffset(), v.valueSpan().endOffset()),
        what + where,
        () -> written == null ? fix(edits, v) : dropDefaults(edits, v, drop, secretName));
  }

  /** Where the secret is when defaults hold it, for the message; empty otherwise. */
  private static String inDefault(List<WrittenText.Default> defaults) {
    return defaults.isEmpty()
        ? ""
        : " in the default of ${" + defaults.get(0).name() + "}, which is committed with the file";
  }

  /**
   * Per credential, the default that holds most of it, in order and without repeats: a URL's
   * password match takes in the first character of the host, whose default
   * ({@code @${DB_HOST:-db}}) is not the one that holds the secret.
   */
  private static List<WrittenText.Default> holding(
      WrittenText written, List<Secrets.Match> credentials) {
    List<WrittenText.Default> found = new ArrayList<>();
    for (Secrets.Match m : credentials) {
      written.defaults().stream()
          .filter(d -> d.start() < m.end() && m.start() < d.end())
          .max(
              Comparator.comparingInt(
                  d -> Math.min(d.end(), m.end()) - Math.max(d.start(), m.start())))
          .filter(d -> !found.contains(d))
          .ifPresent(found::add);
    }
    return found;
  }

  private static Fix fix(YamlEdits edits, EnvVar v) {
    if (!VARIABLE_NAME.matcher(v.name()).matches()) {
      return null;
    }
    return replaceValue(edits, v, required(v.name(), true), "Take " + v.name());
  }

  /**
   * Makes the references with the {@code dropped} defaults required instead ({@code ${V:-d}}
   * becomes {@code ${V:?...}}, {@code ${V-d}} becomes {@code ${V?...}}), keeping the rest of the
   * value. Null when nothing is dropped, or when a secret is left after that (a credential in a
   * replacement or around the references, or, for a secret-named variable, another literal
   * default): only the author knows what such a value should become.
   */
  private static Fix dropDefaults(
      YamlEdits edits, EnvVar v, List<WrittenText.Default> dropped, boolean secretName) {
    if (dropped.isEmpty()) {
      return null;
    }
    StringBuilder raw = new StringBuilder(v.rawValue());
    // Back to front, so the earlier offsets stay valid.
    List<WrittenText.Default> backwards = new ArrayList<>(dropped);
    backwards.sort(Comparator.comparingInt(WrittenText.Default::rawStart).reversed());
    for (WrittenText.Default d : backwards) {
      raw.replace(d.rawStart(), d.rawEnd(), required(d.name(), d.colon()));
    }
    WrittenText after = WrittenText.of(raw.toString());
    if (!Secrets.findCredentials(after.text()).isEmpty()
        || (secretName && !Secrets.literalDefaults(after).isEmpty())) {
      return null;
    }
    String names =
        dropped.stream().map(WrittenText.Default::name).distinct().sorted().toList().toString();
    return replaceValue(edits, v, raw.toString(), "Take " + names.substring(1, names.length() - 1));
  }

  private static String required(String name, boolean colon) {
    return "${" + name + (colon ? ":?" : "?") + "set " + name + " in the environment or .env}";
  }

  /** Replaces the variable's value with {@code value}, keeping list or map form and quoting. */
  private static Fix replaceValue(YamlEdits edits, EnvVar v, String value, String take) {
    if (!(v.node() instanceof YScalar node)) {
      return null;
    }
    TextEdit edit;
    if (v.listForm()) {
      int eq = node.raw().indexOf('=');
      if (eq < 0) {
        return null;
      }
      edit = edits.replaceScalar(node, node.raw().substring(0, eq + 1) + value, false);
    } else {
      edit = edits.replaceScalar(node, value, false);
    }
    return edit == null ? null : Fix.of(take + " from the environment instead of the file", edit);
  }
}
