package io.hullcheck.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hullcheck.compose.Service.EnvVar;
import io.hullcheck.compose.Service.PortMapping;
import io.hullcheck.compose.Service.VolumeMount;
import io.hullcheck.model.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed service views, one table per syntax. */
class ServiceViewsTest {
  private static final Map<String, String> ENV = Map.of("PORT", "9000", "DATA", "/srv/data");

  static Service only(String yaml) {
    ComposeFile file = ComposeLoader.load(new SourceFile("compose.yaml", yaml), ENV);
    assertEquals(List.of(), file.problems(), "problems");
    assertEquals(1, file.services().size());
    return file.services().get(0);
  }

  static Service serviceWith(String key, String item) {
    return only("services:\n  web:\n    " + key + ":\n      - " + item + "\n");
  }

  /**
   * Columns: item as written | host ip | ip known | published | published known | target | proto.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "80                          | -         | true  | -         | true  | 80        | tcp",
        "\"80\"                      | -         | true  | -         | true  | 80        | tcp",
        "8080:80                     | -         | true  | 8080      | true  | 80        | tcp",
        "\"8080:80/udp\"             | -         | true  | 8080      | true  | 80        | udp",
        "127.0.0.1:8080:80           | 127.0.0.1 | true  | 8080      | true  | 80        | tcp",
        "0.0.0.0:8080:80             | 0.0.0.0   | true  | 8080      | true  | 80        | tcp",
        "127.0.0.1::80               | 127.0.0.1 | true  | -         | true  | 80        | tcp",
        "\"[::1]:8080:80\"           | ::1       | true  | 8080      | true  | 80        | tcp",
        "\"::1:8080:80\"             | ::1       | true  | 8080      | true  | 80        | tcp",
        "\"[::]:53:53/udp\"          | ::        | true  | 53        | true  | 53        | udp",
        "\"8000-8010:8000-8010\"     | -         | true  | 8000-8010 | true  | 8000-8010 | tcp",
        "\"9091-9092\"               | -         | true  | -         | true  | 9091-9092 | tcp",
        "\"${BIND:-127.0.0.1}:80:80\" | 127.0.0.1 | true | 80        | true  | 80        | tcp",
        "\"${BIND}:80:80\"           | -         | false | 80        | true  | 80        | tcp",
        "\"${BIND}:${HP}:80/udp\"    | -         | false | -         | false | 80        | udp",
        "\"${HP}:80\"                | -         | true  | -         | false | 80        | tcp",
        "\"${PORT}:80\"              | -         | true  | 9000      | true  | 80        | tcp",
        "\"${PORT:-1}:${T:-8080}\"   | -         | true  | 9000      | true  | 8080      | tcp",
      })
  void shortPorts(
      String item,
      String hostIp,
      boolean hostIpKnown,
      String published,
      boolean publishedKnown,
      String target,
      String protocol) {
    PortMapping p = serviceWith("ports", item).ports().get(0);
    assertEquals(
        List.of(
            false,
            hostIp == null ? "-" : hostIp,
            hostIpKnown,
            nz(published),
            publishedKnown,
            target,
            protocol),
        List.of(
            p.longSyntax(),
            nz(p.hostIp()),
            p.hostIpKnown(),
            nz(p.published()),
            p.publishedKnown(),
            p.target(),
            p.protocol()));
  }

  /**
   * Columns: long-syntax mapping (flow style) | host ip | ip known | published | known | target.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "{target: 80}                                 | -         | true  | -    | true  | 80",
        "{target: 80, published: 8080}                | -         | true  | 8080 | true  | 80",
        "{target: 80, published: '8080', protocol: udp} | -       | true  | 8080 | true  | 80",
        "{target: 80, published: 8080, host_ip: 127.0.0.1} | 127.0.0.1 | true | 8080 | true | 80",
        "{target: 80, published: '8000-8010', host_ip: '::1'} | ::1 | true | 8000-8010 | true | 80",
        "{target: 80, published: '${P}', host_ip: '${H}'} | -     | false | -    | false | 80",
        "{target: 80, host_ip: '${H:-127.0.0.1}'}     | 127.0.0.1 | true  | -    | true  | 80",
      })
  void longPorts(
      String item,
      String hostIp,
      boolean hostIpKnown,
      String published,
      boolean publishedKnown,
      String target) {
    PortMapping p = serviceWith("ports", item).ports().get(0);
    assertEquals(
        List.of(true, nz(hostIp), hostIpKnown, nz(published), publishedKnown, target),
        List.of(
            p.longSyntax(),
            nz(p.hostIp()),
            p.hostIpKnown(),
            nz(p.published()),
            p.publishedKnown(),
            p.target()));
    assertTrue(p.node() instanceof YMap);
  }

  /** Columns: volume as written | long syntax | type | source | target | read only. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/data                                   | false | volume | -           | /data | false",
        "data:/data                              | false | volume | data        | /data | false",
        "./data:/data                            | false | bind   | ./data      | /data | false",
        "../data:/data:ro                        | false | bind   | ../data     | /data | true",
        "~/data:/data:rw                         | false | bind   | ~/data      | /data | false",
        "/var/run/docker.sock:/var/run/docker.sock | false | bind | /var/run/docker.sock | /var/run/docker.sock | false",
        "/etc/x:/x:ro,z                          | false | bind   | /etc/x      | /x    | true",
        "'C:\\data:/data'                        | false | bind   | C:\\data    | /data | false",
        "'${DATA}:/data'                         | false | bind   | /srv/data   | /data | false",
        "'${NOPE}:/data'                         | false | -      | -           | /data | false",
        "'${NOPE}/x:/data:ro'                    | false | bind   | -           | /data | true",
        "'${NOPE:-db}:/data'                     | false | volume | db          | /data | false",
        "{type: bind, source: /run/docker.sock, target: /s, read_only: true} | true | bind | /run/docker.sock | /s | true",
        "{type: volume, source: db, target: /var/lib/db} | true | volume | db | /var/lib/db | false",
        "{type: tmpfs, target: /tmp}             | true  | tmpfs  | -           | /tmp  | false",
      })
  void volumes(
      String item, boolean longSyntax, String type, String source, String target, boolean ro) {
    VolumeMount v = serviceWith("volumes", item).volumes().get(0);
    assertEquals(
        List.of(longSyntax, nz(type), nz(source), target, ro),
        List.of(v.longSyntax(), nz(v.type()), nz(v.source()), v.target(), v.readOnly()));
  }

  /** Columns: list item | name | value | raw value | the text at valueSpan. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      quoteCharacter = '`',
      value = {
        "A=b                  | A | b         | b         | b",
        "A=                   | A | ``        | ``        | ``",
        "A                    | A | -         | -         | -",
        "A=b=c                | A | b=c       | b=c       | b=c",
        "\"A=quoted value\"   | A | quoted value | quoted value | quoted value",
        "`'A=it''s'`            | A | it's      | it's      | `it''s`",
        "\"A=tab\\there\"     | A | `tab\there` | `tab\there` | tab\\there",
        "A=${PORT}            | A | 9000      | ${PORT}   | ${PORT}",
        "A=${NOPE}            | A | -         | ${NOPE}   | ${NOPE}",
        "A=$$literal          | A | $literal  | $$literal | $$literal",
        "${N:-A}=v            | A | v         | v         | v",
      })
  void environmentListForm(
      String item, String name, String value, String raw, String writtenValue) {
    String yaml = "services:\n  web:\n    environment:\n      - " + item + "\n";
    SourceFile file = new SourceFile("compose.yaml", yaml);
    EnvVar e = only(yaml).environment().get(0);
    assertEquals(name, e.name());
    assertEquals(value, e.value());
    assertEquals(raw, e.rawValue());
    assertTrue(e.listForm());
    assertEquals(writtenValue, e.valueSpan() == null ? null : file.slice(e.valueSpan()));
    assertEquals(item.startsWith("$") ? "${N:-A}" : name, file.slice(e.nameSpan()));
  }

  /** Columns: map entry | value | raw | text at valueSpan. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      quoteCharacter = '`',
      value = {
        "A: b           | b     | b         | b",
        "A: 'b c'       | b c   | b c       | 'b c'",
        "A:             | -     | -         | -",
        "A: 5           | 5     | 5         | 5",
        "A: true        | true  | true      | true",
        "A: ${NOPE}     | -     | ${NOPE}   | ${NOPE}",
        "A: \"\"        | ``    | ``        | \"\"",
      })
  void environmentMapForm(String entry, String value, String raw, String writtenValue) {
    String yaml = "services:\n  web:\n    environment:\n      " + entry + "\n";
    SourceFile file = new SourceFile("compose.yaml", yaml);
    EnvVar e = only(yaml).environment().get(0);
    assertEquals("A", e.name());
    assertEquals(value, e.value());
    assertEquals(raw, e.rawValue());
    assertEquals(writtenValue, e.valueSpan() == null ? null : file.slice(e.valueSpan()));
  }

  /** Columns: healthcheck block (flow style) | disabled | test words joined by '|'. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "{test: [CMD, curl, -f, http://localhost]}   ; false ; CMD|curl|-f|http://localhost",
        "{test: curl -f http://localhost}            ; false ; CMD-SHELL|curl -f http://localhost",
        "{test: [CMD-SHELL, 'pg_isready || exit 1']} ; false ; CMD-SHELL|pg_isready || exit 1",
        "{disable: true}                             ; true  ; ''",
        "{test: [NONE]}                              ; true  ; NONE",
        "{interval: 10s}                             ; false ; ''",
      })
  void healthcheck(String block, boolean disabled, String test) {
    Service s = only("services:\n  web:\n    healthcheck: " + block + "\n");
    assertEquals(disabled, s.healthcheck().disabled());
    assertEquals(test, String.join("|", s.healthcheck().test()));
  }

  @Test
  void noHealthcheckIsNull() {
    assertNull(only("services:\n  web:\n    image: nginx\n").healthcheck());
  }

  /** Columns: service settings (flow mapping) | memory | cpus | pids ('-' when absent). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      nullValues = "-",
      quoteCharacter = '`',
      value = {
        "{image: x}                                                 ; -    ; -   ; -",
        "{mem_limit: 512m}                                          ; 512m ; -   ; -",
        "{mem_limit: 1g, cpus: 0.5, pids_limit: 100}                ; 1g   ; 0.5 ; 100",
        "{deploy: {resources: {limits: {memory: 256M, cpus: '1', pids: 50}}}} ; 256M ; 1 ; 50",
        "{deploy: {resources: {reservations: {memory: 256M}}}}      ; -    ; -   ; -",
        "{deploy: {resources: {limits: {cpus: '1'}}}, mem_limit: 2g} ; 2g  ; 1   ; -",
      })
  void limits(String settings, String memory, String cpus, String pids) {
    Service s = only("services:\n  web: " + settings + "\n");
    assertEquals(memory, text(s.limits().memory()));
    assertEquals(cpus, text(s.limits().cpus()));
    assertEquals(pids, text(s.limits().pids()));
  }

  @Test
  void limitsMergedThroughAnAnchorCount() {
    Service s =
        ComposeLoader.load(
                new SourceFile(
                    "c.yaml",
                    "x-limits: &limits\n"
                        + "  deploy:\n"
                        + "    resources:\n"
                        + "      limits: {memory: 1g, cpus: '2'}\n"
                        + "services:\n"
                        + "  web:\n"
                        + "    <<: *limits\n"
                        + "    image: nginx\n"),
                Map.of())
            .services()
            .get(0);
    assertEquals("1g", text(s.limits().memory()));
    assertEquals(4, s.limits().memory().span().startLine());
    assertNotNull(s.body().entry("deploy").orElseThrow().mergedVia());
  }

  @Test
  void loggingDriverAndOptions() {
    Service s =
        only(
            "services:\n  web:\n    logging:\n      driver: json-file\n"
                + "      options:\n        max-size: 10m\n");
    assertEquals("json-file", s.logging().driver());
    assertEquals("10m", s.logging().options().scalar("max-size").orElseThrow().value());
    assertNull(only("services:\n  web:\n    logging: {options: {a: b}}\n").logging().driver());
  }

  @Test
  void buildShortAndLongForms() {
    Service.Build shortForm = only("services:\n  web:\n    build: ./app\n").build();
    assertEquals(
        List.of("./app", "Dockerfile"), List.of(shortForm.context(), shortForm.dockerfile()));
    Service.Build longForm =
        only("services:\n  web:\n    build:\n      context: app\n      dockerfile: Dockerfile.prod\n"
                + "      args:\n        - TOKEN=abc\n        - PLAIN\n"
                + "      secrets:\n        - npmrc\n        - source: other\n          target: x\n")
            .build();
    assertEquals("app", longForm.context());
    assertEquals("Dockerfile.prod", longForm.dockerfile());
    assertEquals(List.of("TOKEN", "PLAIN"), longForm.args().stream().map(EnvVar::name).toList());
    assertEquals("abc", longForm.args().get(0).value());
    assertEquals(List.of("npmrc", "other"), longForm.secrets());
    Service.Build inline =
        only("services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM alpine\n")
            .build();
    assertEquals(".", inline.context());
    assertNull(inline.dockerfile());
    assertEquals("FROM alpine\n", inline.dockerfileInline().orElseThrow().value());
    Service.Build mapArgs =
        only("services:\n  web:\n    build:\n      context: .\n      args:\n        V: '1'\n")
            .build();
    assertEquals("1", mapArgs.args().get(0).value());
  }

  private static String text(YNode n) {
    return n == null ? null : ((YScalar) n).value();
  }

  private static String nz(String s) {
    return s == null ? "-" : s;
  }
}
