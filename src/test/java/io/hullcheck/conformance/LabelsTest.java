package io.hullcheck.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hullcheck.conformance.Labels.Expected;
import io.hullcheck.conformance.Labels.Folder;
import io.hullcheck.conformance.Labels.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How KICS labels are read, on small folders made here (no corpus file is copied). */
class LabelsTest {
  @TempDir Path dir;

  private Folder kics(String json) throws IOException {
    Path q = Files.createDirectories(dir.resolve("some_query"));
    Files.writeString(q.resolve("positive1.yaml"), "services:\n  a:\n    image: x\n");
    Files.writeString(q.resolve("positive2.yaml"), "services:\n  b:\n    image: y\n");
    Files.writeString(q.resolve("negative1.yaml"), "services: {}\n");
    Files.writeString(q.resolve("positive_expected_result.json"), json);
    return Labels.kics(q);
  }

  private static Map<String, List<Integer>> lines(Folder f) {
    return f.samples().stream()
        .collect(
            Collectors.toMap(
                Sample::name, s -> s.expected().stream().map(Expected::line).toList()));
  }

  @Test
  void readsTheFileNameWhicheverWayTheKeyIsSpelled() throws IOException {
    Folder f =
        kics(
            "[{\"line\": 2, \"fileName\": \"positive1.yaml\"},"
                + " {\"line\": 3, \"filename\": \"positive2.yaml\"}]");
    assertEquals(List.of(), f.pooled());
    assertEquals(
        Map.of(
            "positive1.yaml",
            List.of(2),
            "positive2.yaml",
            List.of(3),
            "negative1.yaml",
            List.of()),
        lines(f));
  }

  @Test
  void poolsLinesThatNameNoFileWhenThereAreSeveralPositives() throws IOException {
    Folder f = kics("[{\"line\": 2}, {\"line\": 3}]");
    assertEquals(List.of(2, 3), f.pooled());
    assertEquals(List.of(), lines(f).get("positive1.yaml"));
  }
}
