package io.hullcheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hullcheck.engine.FileKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the anchors' labelled fixtures, one {@link Folder} per query or check, in each anchor's own
 * format (see the corpus's {@code SOURCES.md}).
 */
final class Labels {
  private static final Pattern TRIVY_ID = Pattern.compile("^(DS-\\d{4})_");
  private static final Pattern CHECKOV_ID = Pattern.compile("^(CKV2?_DOCKER_\\d+)_");

  private Labels() {}

  /** A fixture file with what its anchor says about it. */
  record Sample(
      String name, String text, FileKind kind, Verdict verdict, List<Expected> expected) {}

  /** Whether the anchor says the file must trigger the check, or must not. */
  enum Verdict {
    POSITIVE,
    NEGATIVE
  }

  /**
   * One labelled expectation on a positive file. {@code line} is 0 when the label gives none;
   * {@code keyword} is set for Checkov graph checks, which label instructions, not lines.
   */
  record Expected(int line, String keyword) {}

  /**
   * A query's folder.
   *
   * @param id the id the anchor uses and rules list in their equivalents
   * @param pooled expected lines the label gives without saying which positive file they belong to
   *     (KICS folders with several positive files and no {@code fileName}); empty otherwise
   */
  record Folder(String anchor, String id, String dir, List<Sample> samples, List<Integer> pooled) {}

  static List<Folder> read(Path corpus) {
    List<Folder> out = new ArrayList<>();
    for (Path d : dirs(corpus.resolve("kics"))) {
      out.add(kics(d));
    }
    for (Path d : dirs(corpus.resolve("trivy"))) {
      out.add(trivy(d));
    }
    for (Path d : dirs(corpus.resolve("checkov"))) {
      out.add(checkov(d));
    }
    return out;
  }

  /**
   * KICS: {@code positive*} and {@code negative*} files; {@code positive_expected_result.json}
   * lists lines, with {@code fileName} or {@code filename} when the folder has several positive
   * files (not always).
   */
  static Folder kics(Path dir) {
    String name = dir.getFileName().toString();
    List<Path> files = files(dir).stream().filter(f -> kind(f).isPresent()).toList();
    List<Path> positives =
        files.stream().filter(f -> f.getFileName().toString().startsWith("positive")).toList();
    JsonNode results = json(dir.resolve("positive_expected_result.json"));
    List<Integer> pooled = new ArrayList<>();
    Map<String, List<Expected>> byFile = new java.util.TreeMap<>();
    for (JsonNode r : results) {
      int line = r.path("line").asInt();
      String file = fileName(r);
      if (file == null && positives.size() == 1) {
        file = positives.get(0).getFileName().toString();
      }
      if (file == null) {
        pooled.add(line);
      } else {
        List<Expected> lines = byFile.computeIfAbsent(file, k -> new ArrayList<>());
        Expected e = new Expected(line, null);
        if (!lines.contains(e)) {
          lines.add(e);
        }
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (Path f : files) {
      String fn = f.getFileName().toString();
      boolean positive = fn.startsWith("positive");
      if (!positive && !fn.startsWith("negative")) {
        continue;
      }
      samples.add(
          new Sample(
              fn,
              text(f),
              kind(f).orElseThrow(),
              positive ? Verdict.POSITIVE : Verdict.NEGATIVE,
              positive ? byFile.getOrDefault(fn, List.of()) : List.of()));
    }
    return new Folder("kics", name, "kics/" + name, samples, pooled);
  }

  /**
   * The file a KICS result names: the key is spelled {@code fileName} in some folders and {@code
   * filename} in others; null when it names none.
   */
  private static String fileName(JsonNode result) {
    for (String key : List.of("fileName", "filename")) {
      if (result.hasNonNull(key)) {
        return result.get(key).asText();
      }
    }
    return null;
  }

  /** Trivy: the examples YAML has {@code dockerfile.good} and {@code dockerfile.bad} lists. */
  static Folder trivy(Path dir) {
    String name = dir.getFileName().toString();
    Matcher m = TRIVY_ID.matcher(name);
    String id = m.find() ? m.group(1) : name;
    List<Sample> samples = new ArrayList<>();
    for (Path f : files(dir)) {
      if (!f.toString().endsWith(".yaml")) {
        continue;
      }
      Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text(f));
      Map<?, ?> dockerfile = (Map<?, ?>) doc.get("dockerfile");
      for (String label : List.of("bad", "good")) {
        List<?> list = dockerfile.get(label) instanceof List<?> l ? l : List.of();
        for (int i = 0; i < list.size(); i++) {
          samples.add(
              new Sample(
                  label + "[" + (i + 1) + "]",
                  list.get(i).toString(),
                  FileKind.DOCKERFILE,
                  label.equals("bad") ? Verdict.POSITIVE : Verdict.NEGATIVE,
                  List.of()));
        }
      }
    }
    return new Folder("trivy", id, "trivy/" + name, samples, List.of());
  }

  /**
   * Checkov: {@code CKV_DOCKER_*} folders label by subfolder name ({@code failure*}, {@code
   * success*}); {@code CKV2_DOCKER_*} folders have {@code fail/} and {@code pass/} and an {@code
   * expected.yaml} listing each failing instruction as {@code <file>.<INSTRUCTION>}.
   */
  static Folder checkov(Path dir) {
    String name = dir.getFileName().toString();
    Matcher m = CHECKOV_ID.matcher(name);
    String id = m.find() ? m.group(1) : name;
    Map<String, List<Expected>> failing = new java.util.HashMap<>();
    Path expectedYaml = dir.resolve("expected.yaml");
    if (Files.isRegularFile(expectedYaml)) {
      Map<?, ?> doc =
          (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text(expectedYaml));
      if (doc.get("fail") instanceof List<?> fails) {
        for (Object o : fails) {
          String resource = o.toString();
          int dot = resource.lastIndexOf('.');
          failing
              .computeIfAbsent(resource.substring(0, dot), k -> new ArrayList<>())
              .add(new Expected(0, resource.substring(dot + 1)));
        }
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (Path sub : dirs(dir)) {
      String label = sub.getFileName().toString();
      boolean fail = label.startsWith("fail");
      if (!fail && !label.startsWith("pass") && !label.startsWith("success")) {
        continue;
      }
      for (Path f : files(sub)) {
        String rel = label + "/" + f.getFileName();
        samples.add(
            new Sample(
                rel,
                text(f),
                FileKind.DOCKERFILE,
                fail ? Verdict.POSITIVE : Verdict.NEGATIVE,
                fail ? failing.getOrDefault(rel, List.of()) : List.of()));
      }
    }
    return new Folder("checkov", id, "checkov/" + name, samples, List.of());
  }

  private static java.util.Optional<FileKind> kind(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".dockerfile")) {
      return java.util.Optional.of(FileKind.DOCKERFILE);
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return java.util.Optional.of(FileKind.COMPOSE);
    }
    return java.util.Optional.empty();
  }

  private static List<Path> dirs(Path p) {
    return list(p).stream().filter(Files::isDirectory).toList();
  }

  private static List<Path> files(Path p) {
    return list(p).stream().filter(Files::isRegularFile).toList();
  }

  private static List<Path> list(Path p) {
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.sorted(Labels::natural).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Orders {@code positive2} before {@code positive10}, so the document reads naturally. */
  private static int natural(Path a, Path b) {
    String x = a.getFileName().toString();
    String y = b.getFileName().toString();
    String kx = x.replaceAll("\\d+", "");
    String ky = y.replaceAll("\\d+", "");
    if (!kx.equals(ky)) {
      return x.compareTo(y);
    }
    String dx = x.replaceAll("\\D+", "");
    String dy = y.replaceAll("\\D+", "");
    if (dx.length() != dy.length()) {
      return Integer.compare(dx.length(), dy.length());
    }
    return x.compareTo(y);
  }

  private static JsonNode json(Path f) {
    try {
      return new ObjectMapper().readTree(f.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
