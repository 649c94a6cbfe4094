package io.hullcheck.policy;

import io.hullcheck.rules.RuleData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every {@code policies/data/*.yml} on the classpath, as plain YAML values keyed by file base name
 * ({@code base-images.yml} becomes {@code base-images}). Read once; works from a directory (tests,
 * IDE) and from the jar. A broken table is a bug in Hullcheck, so it throws.
 */
final class DataTables {
  static final String DIR = "policies/data/";

  private static volatile RuleData cached;

  private DataTables() {}

  static RuleData get() {
    RuleData d = cached;
    if (d == null) {
      synchronized (DataTables.class) {
        d = cached;
        if (d == null) {
          d = new RuleData(read());
          cached = d;
        }
      }
    }
    return d;
  }

  /** The table names found, sorted. */
  static List<String> names() {
    return List.copyOf(read().keySet());
  }

  private static Map<String, Object> read() {
    Map<String, Object> tables = new TreeMap<>();
    Load load = new Load(LoadSettings.builder().setLabel("policies/data").build());
    for (String resource : resources()) {
      String base = resource.substring(DIR.length(), resource.length() - ".yml".length());
      try (InputStream in = DataTables.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          continue;
        }
        Object value = load.loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (value != null) {
          tables.put(base, value);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      } catch (RuntimeException e) {
        throw new IllegalStateException("data table " + resource + " is broken: " + e, e);
      }
    }
    return tables;
  }

  /**
   * The {@code policies/data/*.yml} resource names, located through the schema that sits beside.
   */
  private static List<String> resources() {
    URL anchor = DataTables.class.getClassLoader().getResource(PolicySchema.RESOURCE);
    List<String> out = new ArrayList<>();
    if (anchor == null) {
      return out;
    }
    try {
      if (anchor.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (isTable(name)) {
              out.add(name);
            }
          }
        }
      } else {
        Path dir = Path.of(anchor.toURI()).getParent().resolve("data");
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> DIR + p.getFileName()).filter(DataTables::isTable).forEach(out::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + DIR, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list " + DIR, e);
    }
    out.sort(null);
    return out;
  }

  private static boolean isTable(String name) {
    return name.startsWith(DIR)
        && name.endsWith(".yml")
        && name.indexOf('/', DIR.length()) < 0
        && name.length() > DIR.length() + ".yml".length();
  }
}
