package io.leadstream.models.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads YAML into a tree whose scalars are all text, as written, and that holds no null. A data
 * person writes {@code positive: [Yes]} meaning the CRM's "Yes"; YAML 1.1 would read it as boolean
 * true and compare "true". Duplicate keys are errors.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /**
   * The document's root, or null when it is empty.
   *
   * @throws IOException when it is not valid YAML, or a key repeats ({@link DuplicateKey})
   */
  static JsonNode read(String yaml) throws IOException {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      return parser.nextToken() == null ? null : node(parser);
    }
  }

  /** A key that appears twice in one mapping. */
  static final class DuplicateKey extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    DuplicateKey(String key, long line) {
      super("key '" + key + "' appears twice");
      this.line = line;
    }
  }

  private static JsonNode node(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = NODES.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        long line = parser.currentLocation().getLineNr();
        parser.nextToken();
        if (object.has(key)) {
          throw new DuplicateKey(key, line);
        }
        object.set(key, node(parser));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = NODES.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(node(parser));
      }
      return array;
    }
    String text = parser.getText();
    return NODES.textNode(text == null ? "" : text);
  }
}
