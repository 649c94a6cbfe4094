package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.KeyValue;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Stages;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels of the image that ships (the LABELs of the final stage and the stages it builds {@code
 * FROM}) against the team's label schema: option {@code required} lists labels that must be set,
 * option {@code formats} maps a label to the format its value must have ({@code url}, {@code
 * rfc3339}, {@code semver}, {@code spdx}, {@code email}, {@code git-hash}, {@code text} for
 * non-empty), and option {@code strict} reports labels the schema does not name. Without {@code
 * formats}, the OCI labels with a defined format are checked. A value with a variable is unknown
 * and never judged; labels a base image sets are not visible. Off by default: the schema is the
 * team's.
 */
@RuleInfo(
    id = "label-schema",
    title = "Image labels do not follow the label schema",
    severity = Severity.INFO,
    target = Target.DOCKERFILE,
    category = Category.STYLE,
    rationale =
        "Registries, scanners and deploy tools read image labels to link an image to its source,"
            + " version and licence; a missing or malformed label breaks that link silently.",
    hadolint = {
      "DL3048", "DL3049", "DL3050", "DL3051", "DL3052", "DL3053", "DL3054", "DL3055", "DL3056",
      "DL3058"
    },
    enabledByDefault = false)
public final class LabelSchema implements DockerfileRule {
  static final Map<String, String> OCI_FORMATS = oci();

  private static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#][^\\s]*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");
  private static final Pattern GIT_HASH = Pattern.compile("[0-9a-f]{7,40}|[0-9a-f]{64}");
  private static final Pattern SPDX_ID = Pattern.compile("[A-Za-z0-9.+-]+");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    Optional<Stage> last = dockerfile.finalStage();
    if (last.isEmpty()) {
      return List.of();
    }
    List<String> required = context.options().getStringList("required", List.of());
    Map<String, String> formats = context.options().getStringMap("formats", OCI_FORMATS);
    boolean strict = context.options().getBoolean("strict", false);
    Map<String, KeyValue> labels = new LinkedHashMap<>();
    for (Instruction ins : Stages.chainInstructions(last.get())) {
      if (ins.is("LABEL")) {
        ins.keyValues().forEach(kv -> labels.put(kv.key(), kv));
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<String> missing = required.stream().filter(r -> !labels.containsKey(r)).toList();
    if (!missing.isEmpty()) {
      findings.add(
          finding(
              dockerfile.source(),
              last.get().from().keywordSpan(),
              "The image lacks labels the label schema requires: "
                  + String.join(", ", missing)
                  + "; add them to the final stage (LABEL "
                  + missing.get(0)
                  + "=\"…\")"));
    }
    for (KeyValue kv : labels.values()) {
      String format = formats.get(kv.key());
      if (format != null) {
        if (kv.rawValue().contains("$") || valid(format, kv.value())) {
          continue;
        }
        findings.add(
            finding(
                dockerfile.source(),
                kv.valueSpan(),
                "Label "
                    + kv.key()
                    + " is not a valid "
                    + format
                    + " value: "
                    + (kv.value().isEmpty() ? "it is empty" : "\"" + kv.value() + "\"")));
      } else if (strict && !required.contains(kv.key())) {
        findings.add(
            finding(
                dockerfile.source(),
                kv.keySpan(),
                "Label "
                    + kv.key()
                    + " is not in the label schema; remove it or add it to the rule's formats"));
      }
    }
    return findings;
  }

  /** Whether the value has the format; an unknown format name accepts any non-empty value. */
  static boolean valid(String format, String value) {
    if (value.isBlank()) {
      return false;
    }
    return switch (format) {
      case "url" -> URL.matcher(value).matches();
      case "semver" -> SEMVER.matcher(value).matches();
      case "email" -> EMAIL.matcher(value).matches();
      case "git-hash" -> GIT_HASH.matcher(value).matches();
      case "rfc3339" -> rfc3339(value);
      case "spdx" -> spdx(value);
      default -> true;
    };
  }

  private static boolean rfc3339(String value) {
    try {
      OffsetDateTime.parse(value.replace(' ', 'T'));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * The syntax of an SPDX license expression: ids joined by AND, OR and WITH, in parentheses or
   * not. Whether each id is on the SPDX list is not checked: the list grows every release.
   */
  private static boolean spdx(String value) {
    String[] tokens = value.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+");
    int depth = 0;
    boolean wantId = true;
    for (String t : tokens) {
      if (t.equals("(") && wantId) {
        depth++;
      } else if (t.equals(")") && !wantId && depth > 0) {
        depth--;
      } else if ((t.equals("AND") || t.equals("OR") || t.equals("WITH")) && !wantId) {
        wantId = true;
      } else if (wantId && SPDX_ID.matcher(t).matches()) {
        wantId = false;
      } else {
        return false;
      }
    }
    return depth == 0 && !wantId;
  }

  /** The OCI annotations whose format the image-spec defines. */
  private static Map<String, String> oci() {
    return Map.of(
        "org.opencontainers.image.created", "rfc3339",
        "org.opencontainers.image.url", "url",
        "org.opencontainers.image.source", "url",
        "org.opencontainers.image.documentation", "url",
        "org.opencontainers.image.licenses", "spdx");
  }
}
