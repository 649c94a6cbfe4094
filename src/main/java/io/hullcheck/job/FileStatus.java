package io.hullcheck.job;

import java.util.Locale;

/** How a pull request changed a file, as GitHub's {@code /pulls/{n}/files} reports it. */
public enum FileStatus {
  ADDED,
  MODIFIED,
  REMOVED,
  RENAMED,
  COPIED,
  CHANGED,
  UNCHANGED;

  /** The REST API's value ({@code added}, {@code removed}, ...). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the REST API's value; unknown values read as {@link #MODIFIED}. */
  public static FileStatus fromApi(String value) {
    for (FileStatus s : values()) {
      if (s.apiName().equals(value)) {
        return s;
      }
    }
    return MODIFIED;
  }
}
