package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.dockerfile.Comment;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree: spans, anchors, merge keys, duplicates, comments and problems. */
class ComposeLoaderTest {

  static ComposeFile fixture(String name) {
    try (InputStream in = ComposeLoaderTest.class.getResourceAsStream("/compose/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ComposeLoader.load(new SourceFile(name, text), Map.of());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static ComposeFile load(String text) {
    return ComposeLoader.load(new SourceFile("compose.yaml", text), Map.of());
  }

  static Service service(ComposeFile file, String name) {
    return file.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * Columns: service | key | expected value | line where the value is written | line of the {@code
   * <<} entry that brought it in (0 when the service's own).
   */
  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "own-wins            | image      | nginx:1.25 | 2  | 12",
        "own-wins            | privileged | false      | 13 | 0",
        "list-merge          | privileged | true       | 3  | 15",
        "list-merge          | user       | root       | 8  | 15",
        "list-merge          | mem_limit  | 1g         | 9  | 15",
        "list-merge-reversed | privileged | false      | 7  | 17",
        "own-before-merge    | image      | own:1      | 19 | 0",
        "own-before-merge    | privileged | true       | 3  | 20",
      })
  void mergeKeys(String serviceName, String key, String value, int valueLine, int mergeLine) {
    ComposeFile file = fixture("merge-keys.yaml");
    assertEquals(List.of(), file.problems());
    YEntry e = service(file, serviceName).body().entry(key).orElseThrow();
    assertEquals(value, ((YScalar) e.value()).value());
    assertEquals(valueLine, e.value().span().startLine(), "line of the value");
    assertEquals(mergeLine, e.mergedVia() == null ? 0 : e.mergedVia().startLine(), "merge line");
    if (e.mergedVia() != null) {
      String site = file.source().slice(e.mergedVia());
      assertTrue(
          site.equals("<<: *base")
              || site.equals("<<: [*base, *extra]")
              || site.equals("<<: [*extra, *base]"),
          site);
    }
  }

  @Test
  void mergedEntriesFollowOwnOnesAndTheMergeKeyIsGone() {
    Service s = service(fixture("merge-keys.yaml"), "own-before-merge");
    assertEquals(
        List.of("image", "privileged", "environment"),
        s.body().entries().stream().map(YEntry::name).toList());
  }

  @Test
  void nestedMergeInsideAServiceAndAliasedMapsKeepTheirSpans() {
    ComposeFile file = fixture("merge-keys.yaml");
    Service nested = service(file, "nested");
    assertEquals(
        List.of("C", "B"), nested.environment().stream().map(Service.EnvVar::name).toList());
    Service ownWins = service(file, "own-wins");
    // The environment map is the anchored one: same node, written once on line 5.
    assertEquals(5, ownWins.environment().get(0).valueSpan().startLine());
    assertTrue(
        ownWins.body().get("environment").orElseThrow()
            == service(file, "list-merge").body().get("environment").orElseThrow());
  }

  /** Columns: fixture | problem line | problem column | related line | message contains. */
  @ParameterizedTest(name = "{0} line {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "duplicate-keys.yaml       | 6 | 5 | 3 | duplicate key 'image'",
        "duplicate-keys.yaml       | 9 | 5 | 8 | duplicate key 'image'",
        "duplicate-merge-keys.yaml | 9 | 5 | 7 | duplicate key '<<'",
      })
  void duplicateKeysNameBothLines(
      String name, int line, int column, int relatedLine, String message) {
    ComposeFile file = fixture(name);
    ParseProblem p =
        file.problems().stream()
            .filter(x -> x.span().startLine() == line)
            .findFirst()
            .orElseThrow(() -> new AssertionError(file.problems().toString()));
    assertEquals(column, p.span().startColumn());
    assertEquals(relatedLine, p.related().startLine());
    assertTrue(p.message().contains(message), p.message());
    // The rest still loads, keeping the first value.
    assertEquals(2, file.services().size() + (name.startsWith("duplicate-merge") ? 1 : 0));
  }

  @Test
  void duplicateMergeKeyKeepsTheFirst() {
    Service web = service(fixture("duplicate-merge-keys.yaml"), "web");
    assertEquals("root", web.scalar("user").orElseThrow().value());
    assertTrue(web.body().get("privileged").isEmpty());
  }

  @Test
  void commentsOutsideScalarsOnly() {
    ComposeFile file = fixture("comments.yaml");
    assertEquals(List.of(), file.problems());
    assertEquals(
        List.of(
            "1:top comment",
            "3:after key",
            "9:expect: port-exposure",
            "11:trailing with spaces",
            "13:block header comment",
            "17:last"),
        file.comments().stream()
            .map(c -> c.span().startLine() + ":" + c.text())
            .collect(Collectors.toList()));
    Comment trailing = file.comments().get(3);
    assertEquals("#   trailing with spaces", file.source().slice(trailing.span()));
  }

  /** Columns: YAML (\n escaped) | problem line | column | message contains. */
  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "services:\\n  web:\\n    image: [a\\n  b: c\\n | 4 | 4 | invalid YAML",
        "services:\\n  web:\\n\\timage: x\\n          | 3 | 1 | invalid YAML",
        "services:\\n  web:\\n    <<: *nope\\n        | 3 | 9 | alias *nope has no anchor",
        "a: &a [*a]\\n                              | 1 | 8 | refers to the node that contains it",
        "a: &a [x]\\nb: [*a, *b]\\n                  | 2 | 9 | alias *b has no anchor",
        "services:\\n  web:\\n    <<: [1]\\n       | 3 | 10 | may hold only mappings",
        "services:\\n  web:\\n    <<: x\\n         | 3 | 9 | a merge key takes",
        "services:\\n  web:\\n    image: 'open\\n    | 4 | 1 | invalid YAML",
        "- a\\n- b\\n                                | 1 | 1 | must be a mapping",
        "just text\\n                                | 1 | 1 | must be a mapping",
        "services: [web]\\n                          | 1 | 11 | 'services' must be a mapping",
        "services:\\n  web: nginx\\n  ok:\\n    image: x\\n | 2 | 3 | service 'web' must be a mapping",
        "services:\\n  web:\\n    image: ${X\\n      | 3 | 12 | has no closing",
        "services:\\n  web:\\n    ports: 80\\n        | 3 | 12 | 'ports' must be a list",
        "services:\\n  a:\\n    ports: ['80:\u00f0']\\n | 3 | 13 | container port '\u00f0' is not a port",
        "services:\\n  a:\\n    ports: ['abc:80']\\n | 3 | 13 | host port 'abc' is not a port",
        "services:\\n  a:\\n    ports: ['99999:80']\\n | 3 | 13 | host port '99999' is not",
        "services:\\n  a:\\n    ports: ['80-70:80']\\n | 3 | 13 | host port '80-70' is not",
        "services:\\n  a:\\n    ports: ['80:0']\\n | 3 | 13 | container port '0' is not",
        "services:\\n  a:\\n    ports: ['80:80/xyz']\\n | 3 | 13 | protocol 'xyz' is not tcp",
        "services:\\n  a:\\n    ports: ['1.2.3:80:80']\\n | 3 | 13 | address '1.2.3' is not",
        "services:\\n  a:\\n    ports: ['localhost:80:80']\\n | 3 | 13 | address 'localhost'",
        "services:\\n  a:\\n    ports: ['[::1::2]:80:80']\\n | 3 | 13 | address '::1::2'",
        "services:\\n  a:\\n    ports:\\n      - target: 80\\n        published: x\\n | 4 | 9 | host port 'x'",
        "``                                          | 1 | 1 | empty compose file",
        "# only a comment\\n                         | 1 | 1 | empty compose file",
        "services:\\n  a: {}\\n---\\nservices:\\n  b: {}\\n | 4 | 1 | second YAML document",
      })
  void problems(String yaml, int line, int column, String message) {
    ComposeFile file = load(yaml.replace("\\n", "\n").replace("\\t", "\t"));
    assertEquals(1, file.problems().size(), file.problems().toString());
    ParseProblem p = file.problems().get(0);
    assertTrue(p.message().contains(message), p.message());
    assertEquals(List.of(line, column), List.of(p.span().startLine(), p.span().startColumn()));
  }

  /** Ports Compose accepts load without a problem, in both syntaxes. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "'80'",
        "'8080:80'",
        "'127.0.0.1:8080:80'",
        "'0.0.0.0::80'",
        "'[::1]:8080:80'",
        "'::1:8080:80'",
        "'[fe80::1%eth0]:80:80'",
        "'[::ffff:10.0.0.1]:80:80'",
        "'8000-8010:8000-8010/udp'",
        "'0:80'",
        "'80/TCP'",
        "'53:53/sctp'",
        "'${HOST_IP}:${PORT:-8080}:80'",
        "'${PORT}:80'",
        "{target: 80, published: '8000-8010', host_ip: '::', protocol: udp}",
        "{target: 80, published: 8080, host_ip: 127.0.0.1}",
      })
  void validPortsLoadCleanly(String port) {
    ComposeFile file = load("services:\n  a:\n    ports:\n      - " + port + "\n");
    assertEquals(List.of(), file.problems());
    assertEquals(1, file.services().get(0).ports().size());
  }

  @Test
  void restStillLoadsNextToABadService() {
    ComposeFile file = load("services:\n  web: nginx\n  ok:\n    image: x\n");
    assertEquals(List.of("ok"), file.services().stream().map(Service::name).toList());
    assertNotNull(file.root());
  }

  @Test
  void multipleDocumentsModelTheFirst() {
    ComposeFile file = load("services:\n  a: {}\n---\nservices:\n  b: {} # c\n");
    assertEquals(List.of("a"), file.services().stream().map(Service::name).toList());
    assertEquals(List.of("c"), file.comments().stream().map(Comment::text).toList());
    assertEquals(List.of(), load("services:\n  a: {}\n---\n").problems());
  }

  @Test
  void spansCountUtf16AndKeepCrlf() {
    String text =
        "\uFEFFservices:\r\n  web:\r\n    labels: {e: \"\uD83D\uDE00\"}\r\n    image: x\r\n";
    ComposeFile file = load(text);
    assertEquals(List.of(), file.problems());
    YScalar image = service(file, "web").scalar("image").orElseThrow();
    assertEquals("x", file.source().slice(image.span()));
    assertEquals(List.of(4, 12), List.of(image.span().startLine(), image.span().startColumn()));
    YScalar emoji =
        service(file, "web").body().map("labels").orElseThrow().scalar("e").orElseThrow();
    assertEquals("\"\uD83D\uDE00\"", file.source().slice(emoji.span()));
  }

  @Test
  void scalarFieldsAndTags() {
    ComposeFile file =
        load(
            "services:\n  web:\n    a: 80\n    b: '80'\n    c: yes\n    d: ~\n    e: 1.5\n    f: true\n");
    YMap body = service(file, "web").body();
    assertEquals(
        List.of("int", "str", "str", "null", "float", "bool"),
        body.entries().stream().map(e -> ((YScalar) e.value()).tag()).toList());
    assertTrue(body.scalar("b").orElseThrow().quoted());
    assertTrue(body.scalar("d").orElseThrow().isNull());
    Span key = service(file, "web").nameSpan();
    assertEquals("web", file.source().slice(key));
  }

  @Test
  void unknownValuesAreNullNotGuessed() {
    ComposeFile file = load("services:\n  web:\n    image: nginx:${TAG}\n    user: ${U:-app}\n");
    Service web = service(file, "web");
    assertNull(web.scalar("image").orElseThrow().value());
    assertEquals("nginx:${TAG}", web.scalar("image").orElseThrow().raw());
    assertEquals("app", web.scalar("user").orElseThrow().value());
  }

  @Test
  void extensionFieldsStayAndKeysAreNotInterpolated() {
    ComposeFile file =
        ComposeLoader.load(
            new SourceFile(
                "c.yaml",
                "x-owner: ${OWNER}\nservices:\n  web:\n    x-note: keep\n    labels:\n"
                    + "      ${KEY}: ${VALUE}\n"),
            Map.of("OWNER", "team", "KEY", "k", "VALUE", "v"));
    assertEquals("team", file.root().scalar("x-owner").orElseThrow().value());
    YMap labels = service(file, "web").body().map("labels").orElseThrow();
    assertEquals("${KEY}", labels.entries().get(0).name());
    assertEquals("v", ((YScalar) labels.entries().get(0).value()).value());
    assertTrue(service(file, "web").body().entry("x-note").isPresent());
  }

  @Test
  void composeResetAndOverrideTagsAreKeptAndInterpolated() {
    ComposeFile file =
        ComposeLoader.load(
            new SourceFile(
                "c.yaml",
                "services:\n  web:\n    image: !override nginx:${TAG:-1.25}\n"
                    + "    ports: !reset []\n"),
            Map.of());
    YScalar image = service(file, "web").scalar("image").orElseThrow();
    assertEquals(List.of("!override", "nginx:1.25"), List.of(image.tag(), image.value()));
    assertEquals(List.of(), file.problems());
  }

  @Test
  void commentsWithCrlfLineEnds() {
    ComposeFile file = load("# a\r\nservices: # b \r\n  web: {image: 'x # y'} # c\r\n");
    assertEquals(List.of("a", "b", "c"), file.comments().stream().map(Comment::text).toList());
    assertEquals("# b", file.source().slice(file.comments().get(1).span()));
  }
}
