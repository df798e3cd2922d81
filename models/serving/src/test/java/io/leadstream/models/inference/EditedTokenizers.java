package io.leadstream.models.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** A {@code tokenizer.json} broken the ways hand edits break them, for tests of what meets one. */
public final class EditedTokenizers {

  /** An Egyptian hieroglyph: no piece of the MiniLM (BERT) vocabulary covers it. */
  public static final String CHARACTER_MINILM_CANNOT_SPLIT = "\uD80C\uDC00";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EditedTokenizers() {}

  /**
   * The tokenizer with {@code word} added as a token after its highest id, the way a tokenizer is
   * extended without resizing its model's embeddings.
   */
  public static byte[] withTokenBeyondItsIds(Path tokenizer, String word) {
    long next = highestId(tokenizer) + 1;
    return edited(
        tokenizer,
        json ->
            ((ArrayNode) json.get("added_tokens"))
                .addObject()
                .put("id", next)
                .put("content", word)
                .put("single_word", false)
                .put("lstrip", false)
                .put("rstrip", false)
                .put("normalized", true)
                .put("special", false));
  }

  /**
   * The WordPiece tokenizer naming an unknown token its vocabulary lacks: it fails on a text with a
   * character it cannot split into its pieces ("Missing [...] token from the vocabulary") and reads
   * every other text as before.
   */
  public static byte[] withUnknownTokenItsVocabularyLacks(Path tokenizer) {
    return edited(
        tokenizer,
        json -> ((ObjectNode) json.get("model")).put("unk_token", "[NOT-IN-VOCABULARY]"));
  }

  static long highestId(Path tokenizer) {
    try {
      return TokenizerVocabulary.read(tokenizer, null).highestId();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] edited(Path tokenizer, Consumer<ObjectNode> edit) {
    try {
      ObjectNode json = (ObjectNode) JSON.readTree(tokenizer.toFile());
      edit.accept(json);
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
