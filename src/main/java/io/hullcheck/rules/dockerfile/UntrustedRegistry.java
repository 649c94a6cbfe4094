package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.model.ImageRef;
import io.hullcheck.model.Span;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A FROM image from a registry the policy does not trust. Off by default; the policy's {@code
 * trusted_registries} turns it on and hands it the list as the {@code registries} option. Turned on
 * without a list, it trusts Docker Hub only. Stage references, {@code scratch} and images that
 * depend on an unknown ARG are exempt.
 */
@RuleInfo(
    id = "untrusted-registry",
    title = "Base image from a registry outside trusted_registries",
    severity = Severity.ERROR,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Images from registries the team has not vetted can change or disappear under the same"
            + " name; pulling only from trusted registries or mirrors keeps builds reproducible"
            + " and reviewed.",
    hadolint = {"DL3026"},
    cis = {"4.2"},
    enabledByDefault = false)
public final class UntrustedRegistry implements DockerfileRule {
  /** The option holding the trusted list, set from the policy's {@code trusted_registries}. */
  public static final String OPTION = "registries";

  /** What is trusted when the rule is on without a list: Docker Hub. */
  public static final List<String> DEFAULT_TRUSTED = List.of("docker.io");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<String> trusted = trusted(context);
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      if (stage.parent() != null) {
        continue;
      }
      Optional<String> image = stage.resolvedImage();
      if (image.isEmpty()
          || image.get().equalsIgnoreCase("scratch")
          || dockerfile.stageNamed(image.get(), stage.index()).isPresent()) {
        continue;
      }
      Optional<ImageRef> ref = ImageRef.parse(image.get());
      if (ref.isEmpty() || isTrusted(ref.get(), trusted)) {
        continue;
      }
      findings.add(
          finding(dockerfile.source(), imageSpan(stage.from()), message(ref.get(), trusted)));
    }
    return findings;
  }

  /** The trusted list from the options, Docker Hub when none is given. */
  public static List<String> trusted(RuleContext context) {
    List<String> trusted = context.options().getStringList(OPTION, List.of());
    return trusted.isEmpty() ? DEFAULT_TRUSTED : trusted;
  }

  private static Span imageSpan(Instruction from) {
    return from.args().isEmpty() ? from.span() : from.args().get(0).span();
  }

  /** The message both registry rules use. */
  public static String message(ImageRef ref, List<String> trusted) {
    return "image `"
        + ref.raw().trim()
        + "` comes from `"
        + host(ref)
        + "`, which is not a trusted registry (trusted: "
        + String.join(", ", trusted)
        + "); use an image from a trusted registry or its mirror there";
  }

  /**
   * Whether an image comes from a trusted registry. An entry is a registry host ({@code ghcr.io}),
   * or a host and namespace prefix ({@code ghcr.io/acme}, {@code docker.io/library} for official
   * images only); Docker Hub is {@code docker.io}.
   */
  public static boolean isTrusted(ImageRef ref, List<String> trusted) {
    String host = host(ref);
    String repository = ref.repository().toLowerCase(Locale.ROOT);
    if (host.equals("docker.io") && !repository.contains("/")) {
      repository = "library/" + repository;
    }
    String full = host + "/" + repository;
    for (String entry : trusted) {
      String e = normalise(entry);
      if (full.equals(e) || full.startsWith(e + "/") || host.equals(e)) {
        return true;
      }
    }
    return false;
  }

  private static String host(ImageRef ref) {
    String r = ref.registry() == null ? "docker.io" : ref.registry().toLowerCase(Locale.ROOT);
    return r.equals("index.docker.io") || r.equals("registry-1.docker.io") ? "docker.io" : r;
  }

  private static String normalise(String entry) {
    String e = entry.trim().toLowerCase(Locale.ROOT);
    e = e.replaceFirst("^https?://", "");
    while (e.endsWith("/")) {
      e = e.substring(0, e.length() - 1);
    }
    for (String alias : List.of("index.docker.io", "registry-1.docker.io")) {
      if (e.equals(alias) || e.startsWith(alias + "/")) {
        return "docker.io" + e.substring(alias.length());
      }
    }
    return e;
  }
}
