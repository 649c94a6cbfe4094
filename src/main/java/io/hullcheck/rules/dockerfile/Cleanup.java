package io.hullcheck.rules.dockerfile;

import io.hullcheck.rules.support.Shell;
import java.util.List;

/** Whether a RUN removes a directory's content (rm -r, find -delete). Package-private. */
final class Cleanup {
  private Cleanup() {}

  /**
   * Whether one of the commands deletes {@code dir} or its content: {@code rm -r} (any spelling of
   * the recursive flag) of {@code dir}, {@code dir/}, {@code dir/*} or an ancestor of {@code dir},
   * or {@code find dir ... -delete}.
   */
  static boolean removes(List<RunScript.Cmd> commands, String dir) {
    for (RunScript.Cmd c : commands) {
      Shell.Command cmd = c.command();
      boolean rm = cmd.name().equals("rm") && cmd.hasFlag("-r", "-R", "--recursive");
      boolean find = cmd.name().equals("find") && cmd.args().contains("-delete");
      if (!rm && !find) {
        continue;
      }
      for (String operand : cmd.args()) {
        if (!operand.startsWith("-") && covers(operand, dir, rm)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean covers(String operand, String dir, boolean rm) {
    String p = operand;
    if (p.endsWith("/*")) {
      p = p.substring(0, p.length() - 2);
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals(dir) || p.startsWith(dir + "/*")) {
      return true;
    }
    return rm && p.length() > 1 && dir.startsWith(p + "/");
  }
}
