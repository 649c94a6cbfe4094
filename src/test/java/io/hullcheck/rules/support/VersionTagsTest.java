package io.hullcheck.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTagsTest {
  private static final List<String> NGINX =
      List.of(
          "1.9",
          "1.9.15",
          "1.27",
          "1.27.3",
          "1.28.0-rc1",
          "1",
          "1.27.3-alpine",
          "1.9.15-alpine",
          "1.27.3-alpine-slim",
          "latest",
          "alpine",
          "stable",
          "mainline");

  @Test
  void numbersCompareAsNumbersAndTheMostSpecificWins() {
    assertEquals(
        List.of("1.27.3", "1.27", "1.9.15", "1.9", "1"), VersionTags.newestFirst(NGINX, ""));
  }

  @Test
  void theVariantSuffixMustMatchExactly() {
    assertEquals(
        List.of("1.27.3-alpine", "1.9.15-alpine"), VersionTags.newestFirst(NGINX, "-alpine"));
    assertEquals(List.of("1.27.3-alpine-slim"), VersionTags.newestFirst(NGINX, "-alpine-slim"));
  }

  @Test
  void preReleasesNeverQualify() {
    List<String> tags =
        List.of("3.14.0a3", "3.14-rc-slim", "3.14.0-beta.1", "2.0.0-RC2", "3.13.1", "3.13.1-slim");
    assertEquals(List.of("3.13.1"), VersionTags.newestFirst(tags, ""));
    assertEquals(List.of("3.13.1-slim"), VersionTags.newestFirst(tags, "-slim"));
  }

  @Test
  void aLeadingVIsKept() {
    assertEquals(
        List.of("v1.10.1", "v1.10.0", "v1.2.0"),
        VersionTags.newestFirst(List.of("v1.2.0", "v1.10.0", "v1.10.1", "v2.0.0-beta.1"), ""));
  }

  @Test
  void floatingTagsThatMeanNewest() {
    assertEquals(Optional.of(""), VersionTags.variantOf(null, NGINX));
    assertEquals(Optional.of(""), VersionTags.variantOf("latest", NGINX));
    assertEquals(Optional.of("-alpine"), VersionTags.variantOf("alpine", NGINX));
    assertEquals(Optional.of("-alpine"), VersionTags.variantOf("latest-alpine", NGINX));
    // A release line the tags do not reveal: no newest to pin to.
    assertEquals(Optional.empty(), VersionTags.variantOf("stable", NGINX));
    assertEquals(Optional.empty(), VersionTags.variantOf("lts-alpine", NGINX));
    assertEquals(Optional.empty(), VersionTags.variantOf("1.27", NGINX));
  }
}
