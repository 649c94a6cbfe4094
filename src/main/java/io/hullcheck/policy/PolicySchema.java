package io.hullcheck.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy file's JSON Schema ({@code policies/hullcheck.schema.json}), the single source of the
 * file's keys and allowed values: the parser reads its key lists and enums from here, and every
 * file is also validated against it with networknt's validator. Immutable and thread-safe.
 */
final class PolicySchema {
  static final String RESOURCE = "policies/hullcheck.schema.json";

  private static final PolicySchema INSTANCE = load();

  private final JsonNode json;
  private final JsonSchema validator;

  private PolicySchema(JsonNode json, JsonSchema validator) {
    this.json = json;
    this.validator = validator;
  }

  static PolicySchema get() {
    return INSTANCE;
  }

  private static PolicySchema load() {
    try (InputStream in = PolicySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      JsonNode json = new ObjectMapper().readTree(in);
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json);
      return new PolicySchema(json, schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  JsonNode json() {
    return json;
  }

  /** The property names of the object schema at a JSON pointer into the schema. */
  List<String> keys(String pointer) {
    List<String> keys = new ArrayList<>();
    json.at(pointer + "/properties").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** The values of the enum at a JSON pointer into the schema. */
  List<String> enumValues(String pointer) {
    List<String> values = new ArrayList<>();
    json.at(pointer + "/enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  /** A schema violation: where in the instance, and the validator's message. */
  record Violation(List<Object> path, String property, String type, String message) {}

  List<Violation> validate(JsonNode instance) {
    List<Violation> out = new ArrayList<>();
    for (ValidationMessage m : validator.validate(instance)) {
      out.add(
          new Violation(
              elements(m.getInstanceLocation()), m.getProperty(), m.getType(), message(m)));
    }
    return out;
  }

  private static String message(ValidationMessage m) {
    // The validator prefixes its message with the instance path; the caller gives a position.
    String msg = m.getMessage();
    int colon = msg.indexOf(": ");
    return colon > 0 && msg.startsWith("$") ? msg.substring(colon + 2) : msg;
  }

  private static List<Object> elements(JsonNodePath path) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }
}
