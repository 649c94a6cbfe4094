package io.hullcheck.rules.dockerfile;

import io.hullcheck.dockerfile.Dockerfile;
import io.hullcheck.dockerfile.Instruction;
import io.hullcheck.dockerfile.KeyValue;
import io.hullcheck.dockerfile.Stage;
import io.hullcheck.rules.Category;
import io.hullcheck.rules.DockerfileRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import io.hullcheck.rules.RuleInfo;
import io.hullcheck.rules.Severity;
import io.hullcheck.rules.Target;
import io.hullcheck.rules.support.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A download tool told not to verify TLS certificates, in any stage: {@code curl -k/--insecure},
 * {@code wget --no-check-certificate}, {@code pip --trusted-host}, npm/yarn {@code strict-ssl
 * false}, git {@code http.sslVerify false}, yum/dnf {@code sslverify=0}; or an environment variable
 * that does it ({@code PIP_TRUSTED_HOST}, {@code PYTHONHTTPSVERIFY=0}, {@code
 * NODE_TLS_REJECT_UNAUTHORIZED=0}, {@code NPM_CONFIG_STRICT_SSL=false}, {@code GIT_SSL_NO_VERIFY})
 * set by ENV, ARG, an assignment before a command, {@code env} or {@code export}. A value from a
 * variable is unknown and not reported, except for {@code GIT_SSL_NO_VERIFY}, which git honours
 * whatever its value.
 */
@RuleInfo(
    id = "tls-verification-disabled",
    title = "TLS certificate verification is turned off",
    severity = Severity.WARNING,
    target = Target.DOCKERFILE,
    category = Category.SUPPLY_CHAIN,
    rationale =
        "Without certificate checks anyone on the network path can serve the build, or the"
            + " running container, whatever they like in place of the real download.",
    checkov = {
      "CKV2_DOCKER_2",
      "CKV2_DOCKER_3",
      "CKV2_DOCKER_4",
      "CKV2_DOCKER_5",
      "CKV2_DOCKER_6",
      "CKV2_DOCKER_12",
      "CKV2_DOCKER_13",
      "CKV2_DOCKER_14",
      "CKV2_DOCKER_15",
      "CKV2_DOCKER_16"
    })
public final class TlsVerificationDisabled implements DockerfileRule {
  private static final Set<String> RPM_TOOLS =
      Set.of("yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "dnf-config-manager");
  private static final Set<String> NODE_TOOLS = Set.of("npm", "yarn", "pnpm");

  @Override
  public List<Finding> check(Dockerfile dockerfile, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction ins : stage.instructions()) {
        for (KeyValue kv : WrittenConfig.variables(ins)) {
          variable(kv.key(), kv.value())
              .ifPresent(
                  why ->
                      findings.add(
                          finding(
                              dockerfile.source(), kv.span(), ins.keyword() + " " + why + ADVICE)));
        }
        if (!ins.is("RUN")) {
          continue;
        }
        for (RunScript.Cmd c : RunScript.commands(dockerfile, ins)) {
          Optional<Finding> set = assignment(dockerfile, c);
          if (set.isPresent()) {
            findings.add(set.get());
            continue;
          }
          reason(c.command())
              .ifPresent(why -> findings.add(finding(dockerfile.source(), c.span(), why)));
        }
      }
    }
    return findings;
  }

  /** Why a variable setting turns verification off, or empty. {@code value} null: no value. */
  static Optional<String> variable(String name, String value) {
    String key = WrittenConfig.lower(name);
    if (key.equals("git_ssl_no_verify") && name.equals("GIT_SSL_NO_VERIFY") && value != null) {
      return Optional.of(
          "sets GIT_SSL_NO_VERIFY, which turns off git's certificate checks whatever"
              + " its value");
    }
    if (value == null || value.contains("$")) {
      return Optional.empty();
    }
    boolean off =
        switch (name) {
          case "PIP_TRUSTED_HOST" -> !value.isBlank();
          case "PYTHONHTTPSVERIFY", "NODE_TLS_REJECT_UNAUTHORIZED" -> value.equals("0");
          case "YARN_ENABLE_STRICT_SSL", "YARN_STRICT_SSL" -> WrittenConfig.off(value);
          default -> key.equals("npm_config_strict_ssl") && WrittenConfig.off(value);
        };
    return off
        ? Optional.of("sets " + name + "=" + value + ", which turns off certificate checks")
        : Optional.empty();
  }

  private static final String ADVICE =
      "; remove it and install the CA certificate the proxy or mirror uses instead";

  /** A finding at the first assignment of the command that turns verification off. */
  private Optional<Finding> assignment(Dockerfile dockerfile, RunScript.Cmd c) {
    for (Shell.Word w : WrittenConfig.assignments(c.raw())) {
      String v = w.value();
      int eq = v.indexOf('=');
      Optional<String> why = variable(v.substring(0, eq), v.substring(eq + 1));
      if (why.isPresent()) {
        return Optional.of(finding(dockerfile.source(), c.span(w), "RUN " + why.get() + ADVICE));
      }
    }
    return Optional.empty();
  }

  /** Why a command turns verification off, or empty. */
  static Optional<String> reason(Shell.Command cmd) {
    String name = cmd.name();
    String flag = null;
    if (name.equals("curl") && cmd.hasFlag("-k", "--insecure", "--proxy-insecure")) {
      flag = "curl -k (--insecure)";
    } else if (name.equals("wget") && cmd.hasFlag("--no-check-certificate")) {
      flag = "wget --no-check-certificate";
    } else if (Pip.isPip(cmd)
        && (cmd.hasFlag("--trusted-host") || configSet(cmd, "trusted-host"))) {
      flag = "pip --trusted-host";
    } else if (NODE_TOOLS.contains(name) && strictSslOff(cmd)) {
      flag = name + " strict-ssl false";
    } else if (name.equals("git") && gitSslVerifyOff(cmd)) {
      flag = "git http.sslVerify false";
    } else if (RPM_TOOLS.contains(name)
        && WrittenConfig.setopts(cmd).stream()
            .anyMatch(s -> WrittenConfig.keyIs(s, "sslverify") && WrittenConfig.off(s.value()))) {
      flag = name + " --setopt=sslverify=0";
    } else {
      for (String line : WrittenConfig.lines(cmd)) {
        Optional<WrittenConfig.Setting> s = WrittenConfig.setting(line);
        if (s.isPresent() && writtenOff(s.get())) {
          flag = name + " writing " + line;
          break;
        }
      }
    }
    return flag == null
        ? Optional.empty()
        : Optional.of(
            flag
                + " turns off certificate checks, so the download can be swapped on the way;"
                + " remove it and install the CA certificate the proxy or mirror uses instead");
  }

  private static boolean writtenOff(WrittenConfig.Setting s) {
    return ((s.key().equals("sslverify") || s.key().equals("strict-ssl"))
            && WrittenConfig.off(s.value()))
        || (s.key().equals("check_certificate") && WrittenConfig.off(s.value()))
        || (s.key().equals("trusted-host") && !s.value().isBlank());
  }

  /** {@code <tool> config set <key> <value>} (or {@code key=value}) with a key ending in name. */
  private static boolean configSet(Shell.Command cmd, String key) {
    List<String> args = cmd.args();
    for (int i = 0; i + 1 < args.size(); i++) {
      if (!args.get(i).equals("set")) {
        continue;
      }
      String k = args.get(i + 1);
      return WrittenConfig.lower(k).endsWith(key);
    }
    return false;
  }

  private static boolean strictSslOff(Shell.Command cmd) {
    List<String> args = cmd.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--no-strict-ssl")
          || a.startsWith("--strict-ssl=") && WrittenConfig.off(a.substring(13))) {
        return true;
      }
      if (!a.equals("set") || i + 1 >= args.size()) {
        continue;
      }
      String k = args.get(i + 1);
      String v = i + 2 < args.size() ? args.get(i + 2) : "";
      int eq = k.indexOf('=');
      if (eq > 0) {
        v = k.substring(eq + 1);
        k = k.substring(0, eq);
      }
      String key = WrittenConfig.lower(k);
      return (key.equals("strict-ssl") || key.equals("enablestrictssl")) && WrittenConfig.off(v);
    }
    return false;
  }

  private static boolean gitSslVerifyOff(Shell.Command cmd) {
    List<String> args = cmd.args();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String k = null;
      String v = null;
      if (a.equals("-c") && i + 1 < args.size()) {
        String kv = args.get(++i);
        int eq = kv.indexOf('=');
        k = eq > 0 ? kv.substring(0, eq) : kv;
        v = eq > 0 ? kv.substring(eq + 1) : "true";
      } else if (a.equals("config") && i + 1 < args.size()) {
        int j = i + 1;
        while (j < args.size() && args.get(j).startsWith("-")) {
          j++;
        }
        if (j + 1 < args.size()) {
          k = args.get(j);
          v = args.get(j + 1);
        }
      }
      String key = k == null ? "" : WrittenConfig.lower(k);
      if (key.startsWith("http.") && key.endsWith(".sslverify") && WrittenConfig.off(v)) {
        return true;
      }
    }
    return false;
  }
}
