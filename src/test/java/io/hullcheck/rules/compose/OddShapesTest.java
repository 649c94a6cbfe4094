package io.hullcheck.rules.compose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.compose.ComposeFile;
import io.hullcheck.compose.ComposeLoader;
import io.hullcheck.model.SourceFile;
import io.hullcheck.rules.ComposeRule;
import io.hullcheck.rules.Finding;
import io.hullcheck.rules.RuleContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files Compose would reject or that use unusual shapes: no rule throws, and every proposed fix
 * applies to the text. Each row is one file; every rule runs on it.
 */
class OddShapesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "services:\n",
        "services: []\n",
        "services:\n  web: {}\n",
        "services:\n  web:\n    ports:\n    environment:\n    cap_add:\n    security_opt:\n",
        "services:\n  web:\n    cap_add: ALL\n    security_opt: seccomp:unconfined\n",
        "services:\n  web:\n    deploy:\n    logging:\n    healthcheck:\n",
        "services:\n  web:\n    deploy: 3\n    logging: json-file\n",
        "services:\n  web:\n    logging:\n      driver: json-file\n      options:\n",
        "services:\n  web:\n    ports: [\"${A}:${B}:${C}\", \"::80\", \":::80\", \"[::]::80\"]\n",
        "services:\n  web:\n    ports:\n      - {}\n      - target: ${T}\n",
        "services:\n  web:\n    environment: [\"=x\", \"PASSWORD\", \"PASSWORD=\"]\n",
        "services:\n  web:\n    environment:\n      PASSWORD: |\n        multi\n        line\n",
        "x-a: &a\n  privileged: true\nservices:\n  web: *a\n",
        "services:\n  web: &w\n    image: x\n    user: root\n  worker:\n    <<: *w\n",
        "services:\n  web:\n    image: x\n    <<: {network_mode: host, pid: host}\n",
        "services:\n  \"web\":\n    'privileged': true\n    \"pid\": host\n",
        "services:\n  web:\n    image: x\n    deploy:\n      resources: {}\n",
        "services:\n  web:\n    image: x\n    deploy:\n      resources:\n        limits: {}\n",
        "services:\n  web:\n    image: x\n    mem_limit: 0\n    cpus: 0\n",
        "services:\n\tweb: x\n",
        "services:\n  web:\n    image: [x]\n    user: [0]\n    volumes: [{type: bind}]\n"
      })
  void noRuleThrows(String yaml) {
    ComposeFile compose = ComposeLoader.load(new SourceFile("odd.yaml", yaml), Map.of());
    for (ComposeRule rule : ComposeRules.all()) {
      List<Finding> findings =
          assertDoesNotThrow(() -> rule.check(compose, RuleContext.defaults()), rule.meta().id());
      for (Finding f : findings) {
        if (f.fix() != null) {
          String fixed = assertDoesNotThrow(() -> f.fix().applyTo(yaml), rule.meta().id());
          ComposeFile again = ComposeLoader.load(new SourceFile("odd.yaml", fixed), Map.of());
          assertEquals(
              compose.problems().size(),
              again.problems().size(),
              () -> rule.meta().id() + " fix breaks the file:\n" + fixed);
        }
      }
    }
  }
}
