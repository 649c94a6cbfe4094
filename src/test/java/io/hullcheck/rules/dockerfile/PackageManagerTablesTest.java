package io.hullcheck.rules.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.rules.support.Shell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package-manager rules' decision tables, one command line per case. */
class PackageManagerTablesTest {

  /**
   * Whether apt-get's own options answer its prompt. Measured with apt 2.6.1 on Debian 12 by
   * running {@code apt-get install -d <options> cowsay </dev/null} with a dependency missing:
   * "answers" means it downloaded without asking, "prompts" that it stopped at the question.
   */
  @ParameterizedTest(name = "apt-get {0} install: answered={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | false",
        "-q                         | false",
        "-qq                        | true",
        "-q -q                      | true",
        "--quiet --quiet            | true",
        "--quiet -q                 | true",
        "-q=2                       | true",
        "--quiet=2                  | true",
        "-q2                        | true",
        "-qqq                       | true",
        "-q=3                       | true",
        "-q=1                       | false",
        "-qq -q=1                   | false",
        "-q -q=1                    | false",
        "-q=1 -q                    | true",
        "-q=0 -qq                   | true",
        "-qd                        | false",
        "-o quiet=2                 | true",
        "-oquiet=2                  | true",
        "-q -o quiet=1              | false",
        "-o quiet=1 -q              | true",
        "-o APT::Get::Assume-Yes=1  | true",
        "-y                         | true",
        "-yq                        | true",
        "--assume-yes               | true",
        "-q=$QUIET                  | true",
        "-t bookworm-backports -q   | false",
      })
  void aptGetQuietLevel(String options, boolean answered) {
    Shell.Command cmd = Shell.commands("apt-get " + options + " install cowsay").get(0);
    assertEquals(answered, AptGetMissingYes.answers(cmd));
  }
}
