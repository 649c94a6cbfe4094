package io.hullcheck.compose;

import io.hullcheck.compose.Service.Build;
import io.hullcheck.compose.Service.EnvVar;
import io.hullcheck.compose.Service.Healthcheck;
import io.hullcheck.compose.Service.Logging;
import io.hullcheck.compose.Service.PortMapping;
import io.hullcheck.compose.Service.ResourceLimits;
import io.hullcheck.compose.Service.VolumeMount;
import io.hullcheck.model.ParseProblem;
import io.hullcheck.model.SourceFile;
import io.hullcheck.model.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the typed views of each service from the tree, reading short and long syntax the way
 * Compose does. A value that depends on an unknown variable is reported as unknown (null or a
 * {@code known} flag), never guessed. Not thread-safe; one instance per load.
 */
final class ServiceReader {
  private final SourceFile source;
  private final Interpolator interpolator;
  private final List<ParseProblem> problems;

  private ServiceReader(SourceFile source, Interpolator interpolator, List<ParseProblem> problems) {
    this.source = source;
    this.interpolator = interpolator;
    this.problems = problems;
  }

  /** The services under the top-level {@code services} key, in file order. */
  static List<Service> read(
      SourceFile source, YMap root, Interpolator interpolator, List<ParseProblem> problems) {
    Optional<YEntry> servicesEntry = root.entry("services");
    if (servicesEntry.isEmpty()) {
      return List.of();
    }
    YNode value = servicesEntry.get().value();
    if (value instanceof YScalar s && s.isNull()) {
      return List.of();
    }
    if (!(value instanceof YMap services)) {
      problems.add(
          new ParseProblem(
              value.span(), "'services' must be a mapping of service names to their settings"));
      return List.of();
    }
    ServiceReader reader = new ServiceReader(source, interpolator, problems);
    List<Service> out = new ArrayList<>(services.entries().size());
    for (YEntry e : services.entries()) {
      if (e.value() instanceof YMap body) {
        out.add(reader.service(e, body));
      } else if (isNull(e.value())) {
        // Compose accepts an empty service (an extends target, say) as one with no settings.
        out.add(reader.service(e, new YMap(List.of(), e.value().span())));
      } else {
        problems.add(
            new ParseProblem(
                e.key().span(), "service '" + e.name() + "' must be a mapping of settings"));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private Service service(YEntry entry, YMap body) {
    return new Service(
        entry.name(),
        entry,
        body,
        ports(body),
        volumes(body),
        envVars(body.get("environment").orElse(null)),
        healthcheck(body),
        limits(body),
        logging(body),
        build(body));
  }

  // ---------------------------------------------------------------- ports

  private List<PortMapping> ports(YMap body) {
    List<YNode> items = items(body, "ports");
    List<PortMapping> out = new ArrayList<>(items.size());
    for (YNode item : items) {
      if (item instanceof YScalar s) {
        PortMapping p = shortPort(s);
        if (p != null) {
          out.add(p);
        }
      } else if (item instanceof YMap m) {
        PortMapping p = longPort(m);
        if (p != null) {
          out.add(p);
        }
      } else {
        problems.add(new ParseProblem(item.span(), "a port must be a string or a mapping"));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@code [[host_ip:]published:]target[/protocol]} as Docker splits it: the last part is the
   * target, the one before it the published port, everything before that the address (so {@code
   * ::1:8080:80} and {@code [::1]:8080:80} both bind {@code ::1}).
   */
  private PortMapping shortPort(YScalar s) {
    List<Part> parts = splitKnown(s, ':', /* windowsDrives= */ false);
    String protocol = "tcp";
    Part last = parts.get(parts.size() - 1);
    if (last.value != null) {
      int slash = last.value.lastIndexOf('/');
      if (slash >= 0) {
        protocol = last.value.substring(slash + 1);
        parts.set(parts.size() - 1, new Part(last.raw, last.value.substring(0, slash)));
      }
    } else if (last.raw.lastIndexOf('/') > last.raw.lastIndexOf('}')) {
      protocol = last.raw.substring(last.raw.lastIndexOf('/') + 1);
    }
    int n = parts.size();
    Part target = parts.get(n - 1);
    Part published = n >= 2 ? parts.get(n - 2) : null;
    String hostIp = null;
    boolean hostIpKnown = true;
    if (n >= 3) {
      List<Part> ipParts = parts.subList(0, n - 2);
      StringBuilder ip = new StringBuilder();
      for (int i = 0; i < ipParts.size(); i++) {
        Part p = ipParts.get(i);
        if (p.value == null) {
          hostIpKnown = false;
          break;
        }
        if (i > 0) {
          ip.append(':');
        }
        ip.append(p.value);
      }
      if (hostIpKnown) {
        hostIp = stripBrackets(ip.toString());
        if (hostIp.isEmpty()) {
          hostIp = null;
        }
      }
    }
    if (target.value != null && target.value.isEmpty()) {
      problems.add(new ParseProblem(s.span(), "port '" + s.raw() + "' has no container port"));
      return null;
    }
    String publishedValue = published == null ? null : emptyToNull(published.value);
    boolean publishedKnown = published == null || published.value != null;
    return valid(
        new PortMapping(
            s,
            /* longSyntax= */ false,
            hostIp,
            hostIpKnown,
            publishedValue,
            publishedKnown,
            target.value,
            protocol),
        "port '" + s.raw() + "'");
  }

  private PortMapping longPort(YMap m) {
    Optional<YScalar> hostIp = m.scalar("host_ip").filter(s -> !s.isNull());
    Optional<YScalar> published = m.scalar("published").filter(s -> !s.isNull());
    Optional<YScalar> protocol = m.scalar("protocol").filter(s -> !s.isNull());
    return valid(
        new PortMapping(
            m,
            /* longSyntax= */ true,
            hostIp
                .map(YScalar::value)
                .map(ServiceReader::stripBrackets)
                .map(ServiceReader::emptyToNull)
                .orElse(null),
            hostIp.map(YScalar::known).orElse(true),
            published.map(YScalar::value).map(ServiceReader::emptyToNull).orElse(null),
            published.map(YScalar::known).orElse(true),
            m.scalar("target").map(YScalar::value).orElse(null),
            protocol.map(p -> p.known() ? p.value() : null).orElse("tcp")),
        "this port");
  }

  /**
   * The port when Compose would accept it, else null and a problem on it: a known container port or
   * published port that is not a number from 1 (0 for published: any free port) to 65535 or a range
   * of them, a protocol other than tcp, udp or sctp, or a host address that is not an IPv4 or IPv6
   * literal. Unknown (interpolated) parts are not judged. A port Compose refuses gets no findings:
   * a fix for it would not make the file run.
   */
  private PortMapping valid(PortMapping p, String what) {
    // A long-syntax published port with an address in it (127.0.0.1:8080) is not a documented
    // shape, but Compose has accepted it; the rules treat it as unknown rather than refuse it.
    boolean addressInPublished =
        p.longSyntax() && p.published() != null && p.published().contains(":");
    String why = null;
    if (p.target() != null && !PortText.isPortOrRange(p.target(), 1)) {
      why = "the container port '" + p.target() + "' is not a port number (1-65535) or a range";
    } else if (p.published() != null
        && !addressInPublished
        && !PortText.isPortOrRange(p.published(), 0)) {
      why = "the host port '" + p.published() + "' is not a port number (0-65535) or a range";
    } else if (p.protocol() != null
        && !PortText.PROTOCOLS.contains(p.protocol().toLowerCase(Locale.ROOT))) {
      why = "the protocol '" + p.protocol() + "' is not tcp, udp or sctp";
    } else if (p.hostIp() != null && !PortText.isIpLiteral(p.hostIp())) {
      why = "the host address '" + p.hostIp() + "' is not an IPv4 or IPv6 address";
    }
    if (why == null) {
      return p;
    }
    problems.add(new ParseProblem(p.node().span(), what + " is not valid: " + why));
    return null;
  }

  private static String stripBrackets(String ip) {
    if (ip.length() >= 2 && ip.charAt(0) == '[' && ip.charAt(ip.length() - 1) == ']') {
      return ip.substring(1, ip.length() - 1);
    }
    return ip;
  }

  // -------------------------------------------------------------- volumes

  private List<VolumeMount> volumes(YMap body) {
    List<YNode> items = items(body, "volumes");
    List<VolumeMount> out = new ArrayList<>(items.size());
    for (YNode item : items) {
      if (item instanceof YScalar s) {
        VolumeMount v = shortVolume(s);
        if (v != null) {
          out.add(v);
        }
      } else if (item instanceof YMap m) {
        out.add(longVolume(m));
      } else {
        problems.add(new ParseProblem(item.span(), "a volume must be a string or a mapping"));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@code source:target[:options]} or an anonymous {@code target}, split on colons except the one
   * after a Windows drive letter. The source is a bind mount when it is a path (starts with {@code
   * .}, {@code /}, {@code ~}, {@code \\} or a drive), else a named volume. When the source is
   * unknown, the written text still decides if it holds a path separator; otherwise the type is
   * null.
   */
  private VolumeMount shortVolume(YScalar s) {
    List<Part> parts = splitKnown(s, ':', /* windowsDrives= */ true);
    if (parts.size() > 3) {
      problems.add(new ParseProblem(s.span(), "volume '" + s.raw() + "' has too many colons"));
      return null;
    }
    for (Part p : parts) {
      if (p.value != null && p.value.isEmpty() && parts.size() > 1) {
        problems.add(
            new ParseProblem(
                s.span(), "volume '" + s.raw() + "' has an empty part between colons"));
        return null;
      }
    }
    if (parts.size() == 1) {
      return new VolumeMount(s, false, "volume", null, parts.get(0).value, false);
    }
    Part src = parts.get(0);
    String type;
    if (src.value != null) {
      type = isPath(src.value) ? "bind" : "volume";
    } else {
      type = isPath(src.raw) || src.raw.contains("/") ? "bind" : null;
    }
    boolean readOnly = false;
    if (parts.size() == 3 && parts.get(2).value != null) {
      for (String option : parts.get(2).value.split(",", -1)) {
        if (option.equals("ro")) {
          readOnly = true;
        } else if (option.equals("rw")) {
          readOnly = false;
        }
      }
    }
    return new VolumeMount(s, false, type, src.value, parts.get(1).value, readOnly);
  }

  private static VolumeMount longVolume(YMap m) {
    String type = m.scalar("type").filter(t -> !t.isNull()).map(YScalar::value).orElse(null);
    String sourceValue =
        m.scalar("source").filter(t -> !t.isNull()).map(YScalar::value).orElse(null);
    String target = m.scalar("target").filter(t -> !t.isNull()).map(YScalar::value).orElse(null);
    boolean readOnly = m.scalar("read_only").map(YScalar::isTrue).orElse(false);
    return new VolumeMount(m, true, type, sourceValue, target, readOnly);
  }

  /** Compose's test for a host path: the source of a bind mount. */
  static boolean isPath(String source) {
    if (source.isEmpty()) {
      return false;
    }
    char c = source.charAt(0);
    if (c == '.' || c == '/' || c == '~' || source.startsWith("\\\\")) {
      return true;
    }
    return source.length() >= 2 && Character.isLetter(c) && source.charAt(1) == ':';
  }

  // ---------------------------------------------------------- environment

  /** Environment or build args in list ({@code - K=v}, {@code - K}) or map ({@code K: v}) form. */
  private List<EnvVar> envVars(YNode node) {
    if (node == null || (node instanceof YScalar s && s.isNull())) {
      return List.of();
    }
    List<EnvVar> out = new ArrayList<>();
    if (node instanceof YMap map) {
      for (YEntry e : map.entries()) {
        if (!(e.value() instanceof YScalar v)) {
          problems.add(
              new ParseProblem(
                  e.value().span(), "the value of '" + e.name() + "' must be a string"));
          continue;
        }
        if (v.isNull()) {
          out.add(new EnvVar(e.name(), v, null, null, null, false, e.key().span()));
        } else {
          out.add(new EnvVar(e.name(), v, v.value(), v.raw(), v.span(), false, e.key().span()));
        }
      }
    } else if (node instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (!(item instanceof YScalar s) || s.isNull()) {
          problems.add(new ParseProblem(item.span(), "a list entry must be a 'NAME=value' string"));
          continue;
        }
        String raw = s.raw();
        int eq = raw.indexOf('=');
        if (eq < 0) {
          out.add(new EnvVar(raw, s, null, null, null, true, locate(s, 0, raw.length())));
          continue;
        }
        String rawValue = raw.substring(eq + 1);
        // Compose interpolates the whole item before splitting it, so a name may come from a
        // variable too; the value part is interpolated alone so that its span stays exact.
        String name = raw.substring(0, eq);
        if (Interpolator.mayInterpolate(name) && s.known() && s.value().indexOf('=') >= 0) {
          name = s.value().substring(0, s.value().indexOf('='));
        }
        out.add(
            new EnvVar(
                name,
                s,
                interpolate(rawValue),
                rawValue,
                locate(s, eq + 1, raw.length()),
                true,
                locate(s, 0, eq)));
      }
    } else {
      problems.add(new ParseProblem(node.span(), "expected a list or a mapping of variables"));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The span of {@code raw[from, to)} in the source, exact for plain and single-line quoted scalars
   * (escapes and doubled quotes counted); for folded multi-line text, the whole scalar.
   */
  private Span locate(YScalar s, int from, int to) {
    Span span = s.span();
    String written = source.slice(span);
    String raw = s.raw();
    if (written.isEmpty()) {
      return span;
    }
    char first = written.charAt(0);
    int[] map = null;
    if (first == '\'' || first == '"') {
      map = quotedIndex(written, raw, first);
    } else if (written.startsWith(raw)) {
      return source.span(span.startOffset() + from, span.startOffset() + to);
    }
    if (map == null) {
      return span;
    }
    return source.span(span.startOffset() + map[from], span.startOffset() + map[to]);
  }

  /**
   * For each index of the unquoted text, its index in the written quoted text, or null when the
   * scalar spans lines (YAML folds those, so positions do not map one to one).
   */
  private static int[] quotedIndex(String written, String raw, char quote) {
    int[] map = new int[raw.length() + 1];
    int w = 1;
    int r = 0;
    while (r < raw.length()) {
      if (w >= written.length()) {
        return null;
      }
      char c = written.charAt(w);
      if (c == '\n' || c == '\r') {
        return null;
      }
      int width;
      int produced = 1;
      if (quote == '\'' && c == '\'') {
        width = 2;
      } else if (quote == '"' && c == '\\' && w + 1 < written.length()) {
        char e = written.charAt(w + 1);
        width =
            switch (e) {
              case 'x' -> 4;
              case 'u' -> 6;
              case 'U' -> 10;
              default -> 2;
            };
        if (e == 'U' && w + 10 <= written.length()) {
          try {
            produced = Character.charCount(Integer.parseInt(written.substring(w + 2, w + 10), 16));
          } catch (IllegalArgumentException ex) {
            return null;
          }
        }
      } else {
        width = 1;
      }
      for (int k = 0; k < produced && r < raw.length(); k++) {
        map[r++] = w;
      }
      w += width;
    }
    map[r] = w;
    return map;
  }

  private String interpolate(String raw) {
    try {
      return interpolator.apply(raw);
    } catch (Interpolator.InvalidTemplateException e) {
      // The whole item was already reported when the tree was built.
      return null;
    }
  }

  // ---------------------------------------------------------- healthcheck

  private static Healthcheck healthcheck(YMap body) {
    Optional<YMap> node = body.map("healthcheck");
    if (node.isEmpty()) {
      return null;
    }
    YMap hc = node.get();
    boolean disabled = hc.scalar("disable").map(YScalar::isTrue).orElse(false);
    List<String> test = new ArrayList<>();
    Optional<YNode> testNode = hc.get("test");
    if (testNode.isPresent() && testNode.get() instanceof YScalar s && !s.isNull()) {
      test.add("CMD-SHELL");
      test.add(textOf(s));
    } else if (testNode.isPresent() && testNode.get() instanceof YSeq seq) {
      for (YNode item : seq.items()) {
        if (item instanceof YScalar s) {
          test.add(textOf(s));
        }
      }
    }
    if (!test.isEmpty() && test.get(0).equals("NONE")) {
      disabled = true;
    }
    return new Healthcheck(hc, disabled, Collections.unmodifiableList(test));
  }

  /** The interpolated value, or the written text when that is unknown. */
  private static String textOf(YScalar s) {
    return s.known() ? s.value() : s.raw();
  }

  // --------------------------------------------------------------- limits

  private static ResourceLimits limits(YMap body) {
    Optional<YMap> deploy =
        body.map("deploy").flatMap(d -> d.map("resources")).flatMap(r -> r.map("limits"));
    return new ResourceLimits(
        limit(deploy, "memory", body, "mem_limit"),
        limit(deploy, "cpus", body, "cpus"),
        limit(deploy, "pids", body, "pids_limit"));
  }

  private static YNode limit(Optional<YMap> deploy, String deployKey, YMap body, String key) {
    Optional<YNode> fromDeploy = deploy.flatMap(l -> l.get(deployKey)).filter(n -> !isNull(n));
    if (fromDeploy.isPresent()) {
      return fromDeploy.get();
    }
    return body.get(key).filter(n -> !isNull(n)).orElse(null);
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && s.isNull();
  }

  // -------------------------------------------------------------- logging

  private static Logging logging(YMap body) {
    return body.map("logging")
        .map(
            l ->
                new Logging(
                    l,
                    l.scalar("driver").filter(s -> !s.isNull()).map(YScalar::value).orElse(null),
                    l.map("options").orElse(null)))
        .orElse(null);
  }

  // ---------------------------------------------------------------- build

  private Build build(YMap body) {
    Optional<YNode> node = body.get("build");
    if (node.isEmpty() || isNull(node.get())) {
      return null;
    }
    if (node.get() instanceof YScalar s) {
      return new Build(s, s.value(), "Dockerfile", List.of(), List.of());
    }
    if (!(node.get() instanceof YMap m)) {
      problems.add(new ParseProblem(node.get().span(), "'build' must be a path or a mapping"));
      return null;
    }
    String context = m.scalar("context").filter(s -> !s.isNull()).map(YScalar::value).orElse(".");
    if (m.scalar("context").filter(s -> !s.isNull() && !s.known()).isPresent()) {
      context = null;
    }
    String dockerfile;
    if (m.get("dockerfile_inline").isPresent()) {
      dockerfile = null;
    } else {
      Optional<YScalar> df = m.scalar("dockerfile").filter(s -> !s.isNull());
      dockerfile = df.isPresent() ? df.get().value() : "Dockerfile";
    }
    List<String> secrets = new ArrayList<>();
    for (YNode item : m.seq("secrets").map(YSeq::items).orElse(List.of())) {
      if (item instanceof YScalar s && s.known()) {
        secrets.add(s.value());
      } else if (item instanceof YMap sm) {
        sm.scalar("source").filter(YScalar::known).ifPresent(s -> secrets.add(s.value()));
      }
    }
    return new Build(
        m,
        context,
        dockerfile,
        envVars(m.get("args").orElse(null)),
        Collections.unmodifiableList(secrets));
  }

  // -------------------------------------------------------------- helpers

  private List<YNode> items(YMap body, String key) {
    Optional<YNode> node = body.get(key);
    if (node.isEmpty() || isNull(node.get())) {
      return List.of();
    }
    if (node.get() instanceof YSeq seq) {
      return seq.items();
    }
    problems.add(new ParseProblem(node.get().span(), "'" + key + "' must be a list"));
    return List.of();
  }

  /** One colon-separated part: its written text and its interpolated value (null if unknown). */
  private record Part(String raw, String value) {}

  /**
   * Splits a scalar on a separator as Compose does after interpolation. When the value is known the
   * value is split; when it is not, the written text is split outside {@code ${...}} and each part
   * interpolated alone, so the known parts stay known.
   */
  private List<Part> splitKnown(YScalar s, char sep, boolean windowsDrives) {
    List<Part> parts = new ArrayList<>();
    if (s.known()) {
      for (String p : split(s.value(), sep, windowsDrives, /* braces= */ false)) {
        parts.add(new Part(p, p));
      }
      return parts;
    }
    for (String p : split(s.raw(), sep, windowsDrives, /* braces= */ true)) {
      parts.add(new Part(p, interpolate(p)));
    }
    return parts;
  }

  private static List<String> split(String text, char sep, boolean windowsDrives, boolean braces) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (braces && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (braces && c == '}' && depth > 0) {
        depth--;
      } else if (c == sep && depth == 0) {
        boolean drive = windowsDrives && i - start == 1 && Character.isLetter(text.charAt(start));
        if (!drive) {
          out.add(text.substring(start, i));
          start = i + 1;
        }
      }
    }
    out.add(text.substring(start));
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
