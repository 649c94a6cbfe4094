package io.hullcheck.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A compose service built from a Dockerfile ({@code build.context} and {@code build.dockerfile}),
 * so that the Dockerfile's findings can name the services they affect.
 *
 * @param dockerfile the Dockerfile's path, as reported
 * @param service the service's name
 * @param composePath the compose file where the service is named
 * @param line the 1-based line of the service's name there
 * @param column the 1-based column of the service's name there
 */
public record BuildLink(
    String dockerfile, String service, String composePath, int line, int column) {

  /** How a Dockerfile finding names the services built from it: {@code built by services ...}. */
  public static String describe(List<BuildLink> links) {
    String byFile =
        links.stream()
            .collect(
                Collectors.groupingBy(
                    BuildLink::composePath,
                    java.util.TreeMap::new,
                    Collectors.mapping(BuildLink::service, Collectors.joining(", "))))
            .entrySet()
            .stream()
            .map(e -> e.getValue() + " in " + e.getKey())
            .collect(Collectors.joining("; "));
    return (links.size() == 1 ? "Built by service " : "Built by services ") + byFile;
  }
}
