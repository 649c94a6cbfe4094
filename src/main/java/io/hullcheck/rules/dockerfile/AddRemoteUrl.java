package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.dockerfile.Word;
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

/**
 * An ADD that downloads an http(s) URL without {@code --checksum}: the file is not verified. Git
 * sources are another concern (a ref, not a checksum) and are not reported. Every stage.
 */
@RuleInfo(
    id = "add-remote-url",
    title = "ADD downloads a URL without a checksum",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Whatever the server returns goes into the image unverified, and ADD refetches it on"
            + " every build without a cache key the reader can see; a checksum pins the bytes.",
    kics = {"curl_or_wget_instead_of_add"},
    // Checkov's "COPY instead of ADD" covers every ADD; its download half is this rule's concern
    // (add-instead-of-copy lists it for the local half).
    checkov = {"CKV_DOCKER_4"})
public final class AddRemoteUrl implements DockerfileRule {

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction add : stage.all("ADD")) {
        if (add.flag("checksum").isPresent()) {
          continue;
        }
        for (Word w : AddSources.sources(add)) {
          String v = stage.scope().expand(w, add).orElse("");
          String lower = v.toLowerCase(Locale.ROOT);
          if (!(lower.startsWith("http://") || lower.startsWith("https://")) || AddSources.git(v)) {
            continue;
          }
          findings.add(
              finding(
                  dockerfile.source(),
                  w.span(),
                  "ADD downloads "
                      + v
                      + " without verifying it: add --checksum=sha256:<digest> to the ADD, or"
                      + " fetch it in a RUN with curl and check it with sha256sum -c"));
        }
      }
    }
    return findings;
  }
}
