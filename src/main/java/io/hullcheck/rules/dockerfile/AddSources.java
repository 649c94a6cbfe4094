package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.Word;
import java.util.List;
import java.util.Locale;

/** What the sources of an ADD are: remote, git, local archive. Package-private helper. */
final class AddSources {
  private static final List<String> ARCHIVES =
      List.of(
          ".tar",
          ".tar.gz",
          ".tgz",
          ".tar.bz2",
          ".tbz2",
          ".tbz",
          ".tar.xz",
          ".txz",
          ".tar.zst",
          ".tzst",
          ".gz",
          ".bz2",
          ".xz",
          ".zst",
          ".tar.lz4");

  private AddSources() {}

  /** The source words: every argument but the destination; empty for a malformed ADD. */
  static List<Word> sources(Instruction add) {
    List<Word> args = add.args();
    return args.size() < 2 ? List.of() : args.subList(0, args.size() - 1);
  }

  static boolean remote(String src) {
    String s = src.toLowerCase(Locale.ROOT);
    return s.startsWith("http://") || s.startsWith("https://") || git(src);
  }

  /** A git source, which BuildKit clones: {@code git@host:repo}, {@code git://}, {@code .git}. */
  static boolean git(String src) {
    String s = src.toLowerCase(Locale.ROOT);
    int hash = s.indexOf('#');
    String base = hash < 0 ? s : s.substring(0, hash);
    return s.startsWith("git@")
        || s.startsWith("git://")
        || s.startsWith("ssh://")
        || ((s.startsWith("http://") || s.startsWith("https://")) && base.endsWith(".git"));
  }

  /**
   * Whether a local source may be an archive ADD unpacks: its name ends like one, or its last path
   * component is a glob that could match one.
   */
  static boolean mayBeArchive(String src) {
    String s = src.toLowerCase(Locale.ROOT);
    String last = s.substring(s.lastIndexOf('/') + 1);
    if (last.endsWith("*") || last.endsWith("?") || last.endsWith("]")) {
      return true;
    }
    return ARCHIVES.stream().anyMatch(last::endsWith);
  }
}
