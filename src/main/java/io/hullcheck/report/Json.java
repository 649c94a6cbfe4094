package io.hullcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one JSON writer the reports share: pretty, stable key order (insertion order). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // Trees of plain nodes always serialise; this is a bug, not a user error.
      throw new IllegalStateException(e);
    }
  }
}
