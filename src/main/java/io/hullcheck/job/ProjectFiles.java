package io.hullcheck.job;

import io.hullcheck.compose.ComposeSources;
import io.hullcheck.compose.ProjectLoader;
import io.hullcheck.model.SourceFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The other files of the compose projects a pull request touches: the override and default compose
 * files beside each changed compose file, and the {@code extends} and {@code include} targets its
 * project names, fetched from the same commit through the {@link SourceFetcher} in a few rounds
 * (each round fetches what the files fetched so far name). Stateless.
 */
final class ProjectFiles {
  /** Rounds of fetching named files; a chain of extends deeper than this is cut short. */
  static final int MAX_ROUNDS = 4;

  private ProjectFiles() {}

  /** The files {@code docker compose} may read with a compose file in the same directory. */
  static Set<String> neighbours(String path) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    Set<String> out = new LinkedHashSet<>();
    ProjectLoader.DEFAULT_NAMES.forEach(n -> out.add(dir + n));
    ProjectLoader.OVERRIDE_NAMES.forEach(n -> out.add(dir + n));
    out.remove(path);
    return out;
  }

  /** A commit's fetched files as compose sources; a file not fetched or not text is absent. */
  static ComposeSources of(FetchResult fetched, String sha) {
    return path -> text(fetched.file(sha, path));
  }

  private static Optional<String> text(FetchedFile f) {
    return f.kind() == FetchedFile.Kind.FILE && !f.binary()
        ? Optional.of(f.text())
        : Optional.empty();
  }

  /**
   * The default compose file that reads {@code path} as its override, when {@code path} is an
   * override file and that file is in the commit.
   */
  static Optional<String> mainOf(String path, ComposeSources sources) {
    int slash = path.lastIndexOf('/');
    String dir = slash < 0 ? "" : path.substring(0, slash + 1);
    if (!ProjectLoader.OVERRIDE_NAMES.contains(path.substring(dir.length()))) {
      return Optional.empty();
    }
    for (String name : ProjectLoader.DEFAULT_NAMES) {
      if (sources.read(dir + name).isPresent()) {
        return ProjectLoader.overrideOf(dir + name, sources)
            .filter(path::equals)
            .map(o -> dir + name);
      }
    }
    return Optional.empty();
  }

  /**
   * Fetches, round by round, the files that the compose projects of {@code roots} name and that are
   * not fetched yet, and returns everything fetched.
   *
   * @param roots commit sha → compose files checked in it
   * @param fetch one fetch of commit sha → paths
   */
  static FetchResult complete(
      FetchResult fetched,
      Map<String, List<String>> roots,
      Function<Map<String, Set<String>>, FetchResult> fetch) {
    FetchResult current = fetched;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Map<String, Set<String>> wanted = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : roots.entrySet()) {
        String sha = e.getKey();
        Map<String, FetchedFile> have = current.files().getOrDefault(sha, Map.of());
        Set<String> missing = new LinkedHashSet<>();
        ComposeSources recording =
            path -> {
              if (!have.containsKey(path)) {
                missing.add(path);
                return Optional.empty();
              }
              return text(have.get(path));
            };
        for (String root : e.getValue()) {
          Optional<String> text = recording.read(root);
          if (text.isPresent()) {
            ProjectLoader.load(new SourceFile(root, text.get()), recording, Map.of());
          }
        }
        if (!missing.isEmpty()) {
          wanted.put(sha, missing);
        }
      }
      if (wanted.isEmpty()) {
        break;
      }
      current = merge(current, fetch.apply(wanted));
    }
    return current;
  }

  private static FetchResult merge(FetchResult a, FetchResult b) {
    Map<String, Map<String, FetchedFile>> files = new HashMap<>();
    for (FetchResult r : List.of(a, b)) {
      r.files().forEach((sha, m) -> files.computeIfAbsent(sha, k -> new HashMap<>()).putAll(m));
    }
    Map<String, Listing> listings = new HashMap<>(a.listings());
    listings.putAll(b.listings());
    return new FetchResult(
        files, a.bytesReceived() + b.bytesReceived(), a.filtered() && b.filtered(), listings);
  }
}
