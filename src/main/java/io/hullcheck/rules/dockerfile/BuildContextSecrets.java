package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
import io.hullcheck.rules.BuildContext;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.Fix;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.TextEdit;
import io.hullcheck.rules.support.DockerIgnore;
import io.hullcheck.rules.support.Secrets;
import io.hullcheck.rules.support.Stages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * COPY or ADD of a directory of the build context (such as {@code COPY . .}) in the image that
 * ships, when that directory holds secret files the context's ignore file does not exclude. Needs
 * the {@link BuildContext} from the caller; without one it finds nothing. Sources are expanded with
 * the stage's variables (an unknown one is skipped), globs and URLs are skipped, and {@code COPY
 * --from} reads another stage or image, not the context. A {@code .npmrc} or {@code .pypirc} counts
 * only when its text is known and holds a credential.
 */
@RuleInfo(
    id = "build-context-secrets",
    title = "Directory copy brings secret files of the build context into the image",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.SECRETS,
    fixable = true,
    rationale =
        "COPY . copies every file of the build context that .dockerignore does not exclude, so a"
            + " local .env, private key or credentials file lands in a layer that everyone who"
            + " pulls the image can read.",
    cis = {"4.10"})
public final class BuildContextSecrets implements DockerfileRule {
  /** How many files a message names before "and N more". */
  static final int NAMED = 3;

  private static final Pattern TOKEN =
      Pattern.compile(
          "(?im)^\\s*(//\\S*:)?(_authToken|_auth|_password|password)\\s*[=:]\\s*[^\\s$]");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (context.buildContext().isEmpty() || last.isEmpty()) {
      return List.of();
    }
    BuildContext build = context.buildContext().get();
    DockerIgnore ignore = build.ignore();
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : Stages.chain(last.get())) {
      for (Instruction ins : stage.instructions()) {
        if ((!ins.is("COPY") && !ins.is("ADD")) || ins.flag("from").isPresent()) {
          continue;
        }
        List<Word> args = ins.args();
        for (Word source : args.subList(0, Math.max(0, args.size() - 1))) {
          Optional<String> dir = stage.scope().expand(source.value(), ins).flatMap(d -> dirOf(d));
          if (dir.isEmpty()) {
            continue;
          }
          Map<String, String> secrets = secretsUnder(dir.get(), build, ignore);
          if (!secrets.isEmpty()) {
            findings.add(report(dockerfile, ins, source, build, secrets));
            break;
          }
        }
      }
    }
    return findings;
  }

  /** The context-relative directory a COPY source names, or empty for files, globs and URLs. */
  private static Optional<String> dirOf(String value) {
    if (value.startsWith("<<")
        || value.contains("://")
        || value.startsWith("git@")
        || value.matches(".*[*?\\[].*")) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (String seg : value.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(seg);
    }
    return Optional.of(String.join("/", parts));
  }

  /** Secret files in {@code dir} (with their kinds) that the ignore file lets through. */
  private static Map<String, String> secretsUnder(
      String dir, BuildContext build, DockerIgnore ignore) {
    Map<String, String> out = new LinkedHashMap<>();
    String prefix = dir.isEmpty() ? "" : dir + "/";
    for (String path : build.files()) {
      if (!path.startsWith(prefix) || ignore.excludes(path)) {
        continue;
      }
      String kind = kindOf(path, build);
      if (kind != null) {
        out.put(path, kind);
      }
    }
    return out;
  }

  private static String kindOf(String path, BuildContext build) {
    String base = path.substring(path.lastIndexOf('/') + 1);
    if (path.equals(".git")) {
      return "the git repository, with its history and any credentials in its config";
    }
    if (base.equals(".npmrc") || base.equals(".pypirc")) {
      String text = build.texts().get(path);
      return text != null && TOKEN.matcher(text).find() ? "registry credentials" : null;
    }
    return Secrets.secretFileKind(path);
  }

  private Finding report(
      Dockerfile dockerfile,
      Instruction ins,
      Word source,
      BuildContext build,
      Map<String, String> secrets) {
    List<String> named = new ArrayList<>();
    secrets.entrySet().stream()
        .limit(NAMED)
        .forEach(e -> named.add(e.getKey() + " (" + e.getValue() + ")"));
    String list = String.join(", ", named);
    if (secrets.size() > NAMED) {
      list += " and " + (secrets.size() - NAMED) + " more";
    }
    String message =
        ins.keyword()
            + " "
            + source.value()
            + " copies secret files of the build context into the image: "
            + list
            + "; list them in "
            + build.ignorePath()
            + " so they never reach the build, and give build steps that need them RUN"
            + " --mount=type=secret";
    return finding(dockerfile.source(), source.span(), message, ignoreFix(build, secrets));
  }

  /** Appends one exact pattern per file to the ignore file, creating it when absent. */
  static Fix ignoreFix(BuildContext build, Map<String, String> secrets) {
    String text = build.ignoreText().orElse("");
    StringBuilder lines = new StringBuilder();
    for (String path : secrets.keySet()) {
      lines.append(path.replaceAll("([*?\\[\\\\])", "\\\\$1")).append('\n');
    }
    String insert;
    if (text.isEmpty()) {
      insert = lines.toString();
    } else {
      String eol = text.contains("\r\n") ? "\r\n" : "\n";
      String body = lines.toString().replace("\n", eol);
      boolean finalNewline = text.endsWith("\n") || text.endsWith("\r");
      insert = finalNewline ? body : eol + body.substring(0, body.length() - eol.length());
    }
    return Fix.onFile(
        build.ignorePath(),
        "add " + String.join(", ", secrets.keySet()) + " to " + build.ignorePath(),
        TextEdit.insert(text.length(), insert));
  }
}
