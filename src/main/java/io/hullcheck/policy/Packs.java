package io.hullcheck.policy;

import io.hullcheck.rules.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in packs, {@code policies/<name>.yml} on the classpath, parsed once. They are written
 * in the same format as a user's file; a broken pack is a bug in Hullcheck, so it throws.
 */
final class Packs {
  private static final Map<String, PolicyFile> CACHE = new ConcurrentHashMap<>();

  private Packs() {}

  static PolicyFile get(String name) {
    return CACHE.computeIfAbsent(name, Packs::read);
  }

  /** The text of a pack as shipped. */
  static String text(String name) {
    String resource = "policies/" + name + ".yml";
    try (InputStream in = Packs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static PolicyFile read(String name) {
    String source = "policies/" + name + ".yml";
    PolicyParser.Parsed parsed = PolicyParser.parse(source, text(name), Registry.catalogue());
    if (parsed.file() == null) {
      throw new IllegalStateException("built-in pack " + source + " is broken: " + parsed.errors());
    }
    return parsed.file();
  }
}
