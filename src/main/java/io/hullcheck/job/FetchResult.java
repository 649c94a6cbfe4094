package io.hullcheck.job;

import java.util.Map;

/**
 * What a fetch brought back.
 *
 * @param files commit sha → path → file, with an entry (possibly {@link FetchedFile.Kind#MISSING})
 *     for every wanted path
 * @param bytesReceived pack bytes received over the wire, for logs and metrics
 * @param filtered whether the server honoured the {@code blob:none} filter; false means the depth-1
 *     fallback moved every blob of the commits
 * @param listings commit sha → its file names, for the commits whose listing was asked for
 */
public record FetchResult(
    Map<String, Map<String, FetchedFile>> files,
    long bytesReceived,
    boolean filtered,
    Map<String, Listing> listings) {

  public FetchResult(
      Map<String, Map<String, FetchedFile>> files, long bytesReceived, boolean filtered) {
    this(files, bytesReceived, filtered, Map.of());
  }

  /** The listing of a commit asked for with {@link SourceFetcher.Request#listed}, or empty. */
  public java.util.Optional<Listing> listing(String sha) {
    return java.util.Optional.ofNullable(listings.get(sha));
  }

  /** The file at {@code path} in {@code sha}; {@link FetchedFile.Kind#MISSING} if not fetched. */
  public FetchedFile file(String sha, String path) {
    Map<String, FetchedFile> byPath = files.get(sha);
    FetchedFile f = byPath == null ? null : byPath.get(path);
    return f != null ? f : FetchedFile.missing(path);
  }
}
