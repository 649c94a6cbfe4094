package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Compose projects across files: which files are read, each merge rule of the Compose
 * specification, extends and include, and where merged values and problems are located.
 */
class ProjectLoaderTest {

  /** Loads {@code main} with the other files of {@code files} as its sources. */
  static ComposeFile project(String main, Map<String, String> files) {
    ComposeSources sources = path -> Optional.ofNullable(files.get(path));
    return ProjectLoader.load(new SourceFile(main, files.get(main)), sources, Map.of());
  }

  static ComposeFile project(Map<String, String> files) {
    return project("compose.yaml", files);
  }

  static YMap body(ComposeFile c, String service) {
    return c.services().stream()
        .filter(s -> s.name().equals(service))
        .findFirst()
        .orElseThrow()
        .body();
  }

  /** Where a node is written, as {@code file:line}. */
  static String at(ComposeFile c, YNode node) {
    ProjectText.Location l = c.layout().locate(node.span());
    return l.path() + ":" + l.span().startLine();
  }

  static List<String> items(YMap body, String key) {
    return body.seq(key).orElseThrow().items().stream()
        .map(n -> n instanceof YScalar s ? s.raw() : "{" + ((YMap) n).entries().size() + "}")
        .toList();
  }

  static List<String> problems(ComposeFile c) {
    return c.problems().stream().map(p -> located(c, p)).toList();
  }

  static String located(ComposeFile c, ParseProblem p) {
    ProjectText.Location l = c.layout().locate(p.span());
    return l.path()
        + ":"
        + l.span().startLine()
        + ":"
        + l.span().startColumn()
        + ": "
        + p.message();
  }

  private static final String BASE =
      """
      services:
        web:
          image: nginx:1.27
          command: ["serve", "--port", "80"]
          dns: [1.1.1.1]
          healthcheck:
            test: ["CMD", "curl", "-f", "http://localhost"]
            interval: 30s
          ports:
            - "8080:80"
            - "127.0.0.1:9000:9000"
          volumes:
            - ./data:/data
            - type: volume
              source: cache
              target: /cache
          secrets:
            - db
          devices:
            - /dev/a:/dev/xvda
          environment:
            - A=1
            - B=2
          labels:
            team: web
      """;

  private static final String OVERRIDE =
      """
      services:
        web:
          image: nginx:1.28
          command: ["serve"]
          dns: [8.8.8.8]
          healthcheck:
            test: ["CMD", "true"]
          ports:
            - "8080:80"
            - "0.0.0.0:9000:9000"
          volumes:
            - ./other:/data
          secrets:
            - source: db
              target: db
          devices:
            - /dev/b:/dev/xvda
          environment:
            - B=3
            - C=4
          labels:
            tier: front
        extra:
          image: busybox:1.36
      """;

  private final ComposeFile merged =
      project(Map.of("compose.yaml", BASE, "compose.override.yaml", OVERRIDE));

  @Test
  void overrideFileIsReadWithTheDefaultComposeFile() {
    assertEquals(
        List.of("compose.yaml", "compose.override.yaml"),
        merged.layout().segments().stream().map(ProjectText.Segment::path).toList());
    assertEquals(List.of("web", "extra"), merged.services().stream().map(Service::name).toList());
    assertEquals(List.of(), problems(merged));
  }

  @Test
  void scalarsTakeTheLaterValueWhereItIsWritten() {
    YScalar image = body(merged, "web").scalar("image").orElseThrow();
    assertEquals("nginx:1.28", image.value());
    assertEquals("compose.override.yaml:3", at(merged, image));
  }

  @Test
  void mappingsAreMergedByKey() {
    YMap health = body(merged, "web").map("healthcheck").orElseThrow();
    assertEquals("30s", health.scalar("interval").orElseThrow().value());
    assertEquals(
        List.of("team", "tier"),
        body(merged, "web").map("labels").orElseThrow().entries().stream()
            .map(YEntry::name)
            .toList());
  }

  @Test
  void commandEntrypointAndHealthcheckTestAreReplaced() {
    assertEquals(List.of("serve"), items(body(merged, "web"), "command"));
    YMap health = body(merged, "web").map("healthcheck").orElseThrow();
    assertEquals(
        List.of("CMD", "true"),
        health.seq("test").orElseThrow().items().stream().map(n -> ((YScalar) n).raw()).toList());
  }

  @Test
  void otherSequencesAreAppended() {
    assertEquals(List.of("1.1.1.1", "8.8.8.8"), items(body(merged, "web"), "dns"));
  }

  @Test
  void portsAreMergedByAddressPublishedTargetAndProtocol() {
    YSeq ports = body(merged, "web").seq("ports").orElseThrow();
    assertEquals(
        List.of("8080:80", "127.0.0.1:9000:9000", "0.0.0.0:9000:9000"),
        items(body(merged, "web"), "ports"));
    assertEquals("compose.override.yaml:9", at(merged, ports.items().get(0)));
  }

  @Test
  void volumesSecretsAndDevicesAreMergedByTarget() {
    YMap web = body(merged, "web");
    assertEquals(List.of("./other:/data", "{3}"), items(web, "volumes"));
    assertEquals("compose.override.yaml:12", at(merged, web.seq("volumes").get().items().get(0)));
    assertEquals(List.of("{2}"), items(web, "secrets"));
    assertEquals(List.of("/dev/b:/dev/xvda"), items(web, "devices"));
  }

  @Test
  void environmentIsMergedByName() {
    assertEquals(List.of("A=1", "B=3", "C=4"), items(body(merged, "web"), "environment"));
    Service web = merged.services().get(0);
    assertEquals(List.of("A", "B", "C"), web.environment().stream().map(e -> e.name()).toList());
  }

  @Test
  void environmentInListAndMappingFormIsMergedIntoAMapping() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                "services:\n  web:\n    image: a:1\n    environment:\n      A: \"1\"\n",
                "compose.override.yaml",
                "services:\n  web:\n    environment:\n      - A=2\n      - B=3\n"));
    Service web = c.services().get(0);
    assertEquals(
        List.of("A=2", "B=3"),
        web.environment().stream().map(e -> e.name() + "=" + e.value()).toList());
    assertEquals("compose.override.yaml:4", at(c, web.environment().get(0).node()));
  }

  @Test
  void resetRemovesAndOverrideReplaces() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                "services:\n  web:\n    image: a:1\n    ports: [\"80:80\"]\n"
                    + "    dns: [1.1.1.1]\n    user: root\n",
                "compose.override.yaml",
                "services:\n  web:\n    ports: !reset []\n    dns: !override [9.9.9.9]\n"
                    + "    user: !reset null\n"));
    YMap web = body(c, "web");
    assertFalse(web.get("ports").isPresent());
    assertFalse(web.get("user").isPresent());
    assertEquals(List.of("9.9.9.9"), items(web, "dns"));
  }

  @Test
  void aServiceInBothFilesIsNamedWhereTheComposeFileDefinesIt() {
    Service web = merged.services().get(0);
    ProjectText.Location name = merged.layout().locate(web.nameSpan());
    assertEquals("compose.yaml", name.path());
    assertEquals(2, name.span().startLine());
    Service extra = merged.services().get(1);
    assertEquals("compose.override.yaml", merged.layout().locate(extra.nameSpan()).path());
  }

  @Test
  void onlyTheDirectorysDefaultFileGetsTheOverride() {
    Map<String, String> files =
        Map.of(
            "compose.yaml", BASE,
            "docker-compose.yml", BASE,
            "docker-compose.prod.yml", BASE,
            "compose.override.yaml", OVERRIDE);
    assertFalse(project("compose.yaml", files).layout().segments().size() == 1);
    assertEquals(1, project("docker-compose.yml", files).layout().segments().size());
    assertEquals(1, project("docker-compose.prod.yml", files).layout().segments().size());
  }

  @Test
  void aFileWithoutOtherFilesLoadsAsOnItsOwn() {
    ComposeFile c = project(Map.of("compose.yaml", BASE));
    assertFalse(c.layout().multiFile());
    assertEquals(BASE, c.source().text());
  }

  @Test
  void extendsInTheSameFileAndNestedAcrossFiles() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                """
                services:
                  web:
                    extends:
                      file: common/base.yaml
                      service: app
                    image: nginx:1.27
                  worker:
                    extends: web
                    command: work
                """,
                "common/base.yaml",
                """
                services:
                  app:
                    extends:
                      file: ../shared/root.yaml
                      service: root
                    user: app
                """,
                "shared/root.yaml",
                "services:\n  root:\n    read_only: true\n    user: root\n"));
    assertEquals(List.of(), problems(c));
    YMap worker = body(c, "worker");
    assertEquals("nginx:1.27", worker.scalar("image").orElseThrow().value());
    assertEquals("app", worker.scalar("user").orElseThrow().value());
    assertEquals("common/base.yaml:6", at(c, worker.scalar("user").get()));
    assertEquals("shared/root.yaml:3", at(c, worker.scalar("read_only").get()));
    assertFalse(worker.get("extends").isPresent());
    assertEquals(List.of("web", "worker"), c.services().stream().map(Service::name).toList());
    assertEquals("compose.yaml", c.layout().locate(c.services().get(1).nameSpan()).path());
  }

  @Test
  void anExtendsCycleIsAProblemAtTheExtendsValue() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                "services:\n  a:\n    extends:\n      file: other.yaml\n      service: b\n"
                    + "  ok:\n    image: nginx:1.27\n",
                "other.yaml",
                "services:\n  b:\n    extends:\n      file: compose.yaml\n      service: a\n"));
    List<String> problems = problems(c);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("other.yaml:4:7: extends cycle: compose.yaml#a extends"),
        problems.get(0));
    assertEquals(List.of("a", "ok"), c.services().stream().map(Service::name).toList());
  }

  @Test
  void aServiceExtendingItselfIsACycle() {
    ComposeFile c = project(Map.of("compose.yaml", "services:\n  a:\n    extends: a\n"));
    assertEquals(
        List.of(
            "compose.yaml:3:14: extends cycle: compose.yaml#a extends compose.yaml#a;"
                + " Compose refuses it"),
        problems(c));
  }

  @Test
  void missingFilesAndServicesAreProblemsWhereTheyAreNamed() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                """
                include:
                  - nothere.yaml
                services:
                  a:
                    extends:
                      file: gone.yaml
                      service: x
                  b:
                    extends: nosuch
                    image: nginx:1.27
                """));
    assertEquals(
        List.of(
            "compose.yaml:2:5: included file nothere.yaml is not there, so Compose fails; it is"
                + " not checked",
            "compose.yaml:6:13: extends file gone.yaml is not there, so Compose fails; service a"
                + " is checked without it",
            "compose.yaml:9:14: service nosuch is not defined in compose.yaml, so Compose fails;"
                + " service b is checked without it"),
        problems(c));
    assertEquals(List.of("a", "b"), c.services().stream().map(Service::name).toList());
  }

  @Test
  void includeShortAndLongFormsRelativeToTheIncludingFile() {
    ComposeFile c =
        project(
            "app/compose.yaml",
            Map.of(
                "app/compose.yaml",
                """
                include:
                  - ../db/compose.yaml
                  - path:
                      - cache/compose.yaml
                      - cache/local.yaml
                services:
                  web:
                    image: nginx:1.27
                """,
                "db/compose.yaml",
                "services:\n  db:\n    image: postgres:16.4\n",
                "app/cache/compose.yaml",
                "services:\n  cache:\n    image: redis:7.4\n",
                "app/cache/local.yaml",
                "services:\n  cache:\n    user: redis\n"));
    assertEquals(List.of(), problems(c));
    assertEquals(List.of("db", "cache", "web"), c.services().stream().map(Service::name).toList());
    assertEquals("app/cache/local.yaml:3", at(c, body(c, "cache").scalar("user").get()));
    assertFalse(c.root().get("include").isPresent());
  }

  @Test
  void anIncludeCycleIsAProblem() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml", "include: [a.yaml]\nservices:\n  web:\n    image: a:1\n",
                "a.yaml", "include: [compose.yaml]\nservices:\n  x:\n    image: b:1\n"));
    assertEquals(
        List.of(
            "a.yaml:1:11: include cycle: compose.yaml includes a.yaml includes compose.yaml;"
                + " Compose refuses it"),
        problems(c));
    assertEquals(List.of("x", "web"), c.services().stream().map(Service::name).toList());
  }

  @Test
  void aBrokenOverrideIsReportedInItAndTheComposeFileStillLoads() {
    ComposeFile c =
        project(
            Map.of(
                "compose.yaml",
                BASE,
                "compose.override.yaml",
                "services:\n  web:\n    image: [unclosed\n"));
    List<String> problems = problems(c);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("compose.override.yaml:"), problems.get(0));
    assertEquals("nginx:1.27", body(c, "web").scalar("image").orElseThrow().value());
  }

  @Test
  void pathsOutsideTheCheckedDirectoryAreNotResolved() {
    assertEquals("b/c.yaml", ProjectLoader.resolve("a/compose.yaml", "../b/./c.yaml"));
    assertEquals(null, ProjectLoader.resolve("compose.yaml", "../x.yaml"));
    assertEquals(null, ProjectLoader.resolve("compose.yaml", "/etc/x.yaml"));
  }
}
