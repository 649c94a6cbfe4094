package io.hullcheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.engine.Engine;
import io.hullcheck.engine.FileKind;
import io.hullcheck.engine.InputFile;
import io.hullcheck.model.SourceFile;
import io.hullcheck.registry.RegistryClient;
import io.hullcheck.testing.FakeRegistry;
import io.hullcheck.testing.TestPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registry-backed fixes where the registry says no, fails or is slow: the finding stays, with no
 * fix. The fixes it does offer are the pairs under {@code fixes-online}.
 */
class RegistryFixesTest {
  private FakeRegistry registry;

  @BeforeEach
  void start() {
    registry = FakeRegistry.start();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private ImageRegistry client(Duration timeout) {
    return new RegistryClient(
        RegistryClient.Config.defaults()
            .withTimeout(timeout)
            .withEndpoints(Map.of("docker.io", registry.url())));
  }

  private static Finding only(String ruleId, String text, ImageRegistry lookups) {
    Rule rule = Registry.all().stream().filter(r -> r.meta().id().equals(ruleId)).findFirst().get();
    FileKind kind = text.startsWith("services:") ? FileKind.COMPOSE : FileKind.DOCKERFILE;
    List<Finding> found =
        new Engine(List.of(rule))
            .withRegistry(lookups)
            .check(List.of(new InputFile(new SourceFile("f", text), kind)), TestPolicy.only(ruleId))
            .active();
    assertEquals(1, found.size(), found.toString());
    return found.get(0);
  }

  @Test
  void offlineThereIsNoPinFix() {
    assertNull(only("image-tag", "FROM nginx:latest\n", ImageRegistry.OFFLINE).fix());
    assertNull(
        only("compose-image-tag", "services:\n  a:\n    image: nginx\n", ImageRegistry.OFFLINE)
            .fix());
  }

  @Test
  void onlineTheSameFindingGetsOne() {
    Finding f = only("image-tag", "FROM nginx:latest\n", client(Duration.ofSeconds(5)));
    assertNotNull(f.fix());
    assertEquals("Pin nginx to 1.27.3", f.fix().description());
  }

  @Test
  void aReleaseLineIsNotPinnedToTheNewestVersion() {
    assertNull(only("image-tag", "FROM node:lts-alpine\n", client(Duration.ofSeconds(5))).fix());
  }

  @Test
  void anArgBuiltImageIsNotRewritten() {
    String text = "ARG TAG=latest\nFROM nginx:${TAG}\n";
    assertNull(only("image-tag", text, client(Duration.ofSeconds(5))).fix());
  }

  @Test
  void anUnknownRepositoryOrFailingRegistryGivesNoFix() {
    assertNull(only("image-tag", "FROM nobody/nothing\n", client(Duration.ofSeconds(5))).fix());
    registry.fail("library/nginx");
    assertNull(only("image-tag", "FROM nginx:latest\n", client(Duration.ofSeconds(5))).fix());
  }

  @Test
  void aSlowRegistryGivesNoFixAndTheScanGoesOn() {
    registry.slow("library/nginx", 3000);
    long start = System.nanoTime();
    Finding f = only("image-tag", "FROM nginx:latest\n", client(Duration.ofMillis(300)));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertNull(f.fix());
    assertTrue(millis < 2500, "took " + millis + " ms");
  }

  @Test
  void aSlimTagTheRegistryLacksIsNotSuggested() {
    String text = "FROM debian:bookworm-20240513\nUSER 10001\nCMD [\"/app/run\"]\n";
    Finding offline = only("base-image-full", text, ImageRegistry.OFFLINE);
    assertNotNull(offline.fix(), "offline the table's suggestion stands");
    assertTrue(offline.message().endsWith("use debian:bookworm-20240513-slim"), offline.message());
    Finding online = only("base-image-full", text, client(Duration.ofSeconds(5)));
    assertNull(online.fix());
    assertTrue(online.message().endsWith("use debian:<release>-slim"), online.message());
  }

  @Test
  void aSilentRegistryMeansNoSlimFix() {
    registry.fail("library/python");
    String text = "FROM python:3.12\nUSER 10001\nCMD [\"python\"]\n";
    assertNull(only("base-image-full", text, client(Duration.ofSeconds(5))).fix());
  }

  @Test
  void anotherRuleOnThePinnedImageIsNotANewFinding() {
    Rule imageTag =
        Registry.all().stream().filter(r -> r.meta().id().equals("image-tag")).findFirst().get();
    Rule full =
        Registry.all().stream()
            .filter(r -> r.meta().id().equals("base-image-full"))
            .findFirst()
            .get();
    String text = "FROM node:latest\nUSER 10001\nCMD [\"node\", \"server.js\"]\n";
    List<Finding> found =
        new Engine(List.of(imageTag, full))
            .withRegistry(client(Duration.ofSeconds(5)))
            .check(
                List.of(new InputFile(new SourceFile("f", text), FileKind.DOCKERFILE)),
                TestPolicy.only("image-tag", "base-image-full"))
            .active();
    assertEquals(
        List.of("base-image-full", "image-tag"),
        found.stream().map(Finding::ruleId).sorted().toList());
    Finding pin = found.stream().filter(f -> f.ruleId().equals("image-tag")).findFirst().get();
    assertNotNull(
        pin.fix(), "base-image-full's finding on node:23.5.0 is the one it had on node:latest");
    assertEquals("Pin node to 23.5.0", pin.fix().description());
  }
}
