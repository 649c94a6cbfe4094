package io.hullcheck.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row: a script, and the commands it runs written as {@code name arg arg} joined by {@code " /
 * "}. Rows cover the false-positive kinds peer tools are known for: substrings of other commands,
 * quoted text, comments, heredoc data, variables.
 */
class ShellTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '^',
      value = {
        "apt-get update && apt-get install -y curl => apt-get update / apt-get install -y curl",
        "update-ca-trust && echo done => update-ca-trust / echo done",
        "echo \"apt-get install foo\" => echo apt-get install foo",
        "a; b || c | d => a / b / c / d",
        "# apt-get install x\\nls -la => ls -la",
        "DEBIAN_FRONTEND=noninteractive apt-get install -y x => apt-get install -y x",
        "sudo -u app pip install x => sudo -u app pip install x",
        "curl -fsSL https://x.sh | sh => curl -fsSL https://x.sh / sh",
        "cat <<EOF > /etc/x\\napt-get install nope\\nEOF\\necho after => cat / echo after",
        "cat <<-'EOF'\\n\\tapt-get install nope\\n\\tEOF\\nls => cat / ls",
        "if [ -f x ]; then rm x; fi => [ -f x ] / rm x",
        "for p in a b; do pip install $p; done => pip install $p",
        "echo $(id -u) `whoami` => id -u / whoami / echo $(id -u) `whoami`",
        "make 2>&1 > /dev/null => make",
        "(cd /src && make) => cd /src / make",
        "pip install 'flask==2.*' --no-cache-dir => pip install flask==2.* --no-cache-dir",
        "apt-get install -y \\\\n  curl \\\\n  git => apt-get install -y curl git",
        "X=1 => ^^",
        "echo 'unterminated => echo unterminated",
      })
  void splitsIntoCommands(String script, String expected) {
    String s = script.replace("\\n", "\n").replace("\\t", "\t");
    String actual =
        Shell.commands(s).stream()
            .filter(c -> !c.words().isEmpty())
            .map(c -> c.words().stream().map(Shell.Word::value).collect(Collectors.joining(" ")))
            .collect(Collectors.joining(" / "));
    assertEquals(expected == null ? "" : expected, actual);
  }

  @ParameterizedTest(name = "{0} has {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apt-get install -y x|-y|true",
        "apt-get install -qy x|-y|true",
        "apt-get install --yes x|--yes|true",
        "apt-get install x|-y|false",
        "apt-get install --assume-yes=true x|--assume-yes|true",
        "pip install --no-cache-dir x|--no-cache-dir|true",
        "apt-get install -y-not x|-y|false",
      })
  void findsFlagsAsWords(String script, String flag, boolean expected) {
    Shell.Command c = Shell.commands(script).get(0);
    assertEquals(expected, c.hasFlag(flag));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sudo apt-get update|apt-get",
        "sudo -u root -E apt-get update|apt-get",
        "env A=1 B=2 pip install x|pip",
        "gosu app node server.js|node",
        "/usr/bin/apt-get update|apt-get",
        "apt-get update|apt-get",
      })
  void unwrapsWrappers(String script, String name) {
    assertEquals(name, Shell.commands(script).get(0).unwrapped().name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "apt-get install -y curl git=1.2 $PKGS|curl,git=1.2,$PKGS",
        "apk add --no-cache bash|bash",
      })
  void operandsAfterSubcommand(String script, String operands) {
    Shell.Command c = Shell.commands(script).get(0);
    String sub = c.words().get(1).value();
    assertEquals(List.of(operands.split(",")), c.operandsAfter(sub));
  }
}
