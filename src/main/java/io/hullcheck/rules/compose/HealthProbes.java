package io.hullcheck.rules.compose;

import io.hullcheck.model.ImageRef;
import java.util.Map;

/**
 * Healthcheck tests to suggest for official Docker Hub images whose own tools can probe them. Only
 * official images are matched, since only for them is it known which commands the image ships;
 * every other image gets a placeholder the user must edit, never a guessed {@code curl}. Pure.
 */
final class HealthProbes {
  private static final String PLACEHOLDER =
      "test: [\"CMD\", \"<command that exits 0 when the service is ready>\"]";

  /** Official image name to a test its image can run. */
  private static final Map<String, String> PROBES =
      Map.of(
          "redis", "test: [\"CMD\", \"redis-cli\", \"ping\"]",
          "valkey", "test: [\"CMD\", \"valkey-cli\", \"ping\"]",
          "postgres", "test: [\"CMD\", \"pg_isready\"]",
          "mysql", "test: [\"CMD\", \"mysqladmin\", \"ping\", \"-h\", \"localhost\"]",
          "mariadb", "test: [\"CMD\", \"healthcheck.sh\", \"--connect\", \"--innodb_initialized\"]",
          "mongo",
              "test: [\"CMD\", \"mongosh\", \"--quiet\", \"--eval\", \"db.adminCommand('ping')\"]",
          "rabbitmq", "test: [\"CMD\", \"rabbitmq-diagnostics\", \"-q\", \"ping\"]");

  private HealthProbes() {}

  /**
   * The suggestion for a service's image: a known probe for an official image, else a placeholder.
   *
   * @param image the interpolated image, null when absent or unknown
   */
  static String suggest(String image) {
    String probe =
        ImageRef.parse(image)
            .filter(ImageRef::isOfficial)
            .map(ref -> PROBES.get(ref.name()))
            .orElse(null);
    if (probe != null) {
      return probe + ", which the official image ships";
    }
    return PLACEHOLDER + " (check the command exists in the image: many lack curl and wget)";
  }
}
