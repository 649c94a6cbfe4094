package io.hullcheck.job;

import io.hullcheck.model.SourceFile;

/**
 * One path of one commit, as the fetch found it. Symbolic links are reported with their target as
 * {@code content} and never followed; a path that does not exist is {@link Kind#MISSING}.
 *
 * @param content the blob bytes for {@link Kind#FILE}, the link target for {@link Kind#SYMLINK},
 *     empty otherwise
 */
public record FetchedFile(String path, Kind kind, byte[] content) {

  /** What the tree entry at the path is. */
  public enum Kind {
    FILE,
    SYMLINK,
    /** A submodule (gitlink) or a directory: nothing to read. */
    OTHER,
    MISSING
  }

  public FetchedFile {
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** Whether the content looks binary: a NUL byte in the first 8000 bytes, as git decides. */
  public boolean binary() {
    int n = Math.min(content.length, 8000);
    for (int i = 0; i < n; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The content as text, decoded as the command line decodes files ({@link SourceFile#decode}). */
  public String text() {
    return SourceFile.decode(content);
  }

  public static FetchedFile missing(String path) {
    return new FetchedFile(path, Kind.MISSING, new byte[0]);
  }
}
