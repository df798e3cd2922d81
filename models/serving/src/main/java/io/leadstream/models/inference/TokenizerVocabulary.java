package io.leadstream.models.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The piece-to-id table of a Hugging Face {@code tokenizer.json}, which DJL's tokenizer does not
 * expose. Reads the {@code model.vocab} of Unigram models (a list of {@code [piece, score]}, the id
 * is the position; T5 / Flan-T5) and of WordPiece or BPE models (an object {@code {piece: id}};
 * BERT, MiniLM), plus {@code added_tokens}.
 */
public final class TokenizerVocabulary {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Long> ids;
  private final Long unknownId;
  private final long highestId;

  private TokenizerVocabulary(Map<String, Long> ids, Long unknownId, long highestId) {
    this.ids = ids;
    this.unknownId = unknownId;
    this.highestId = highestId;
  }

  /**
   * Reads the vocabulary of a {@code tokenizer.json}.
   *
   * @param unknownToken the unknown token's text ({@code <unk>}, {@code [UNK]}), used when the
   *     model section names no {@code unk_id}; may be null
   */
  public static TokenizerVocabulary read(Path tokenizerJson, String unknownToken)
      throws IOException {
    JsonNode root = JSON.readTree(tokenizerJson.toFile());
    JsonNode model = root.path("model");
    JsonNode vocab = model.path("vocab");
    Map<String, Long> ids = new HashMap<>();
    if (vocab.isArray()) {
      for (int i = 0; i < vocab.size(); i++) {
        JsonNode entry = vocab.get(i);
        ids.putIfAbsent(entry.isArray() ? entry.get(0).asText() : entry.asText(), (long) i);
      }
    } else if (vocab.isObject()) {
      for (Map.Entry<String, JsonNode> entry : vocab.properties()) {
        ids.put(entry.getKey(), entry.getValue().asLong());
      }
    }
    long highestId = ids.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    for (JsonNode added : root.path("added_tokens")) {
      ids.putIfAbsent(added.path("content").asText(), added.path("id").asLong());
      highestId = Math.max(highestId, added.path("id").asLong());
    }
    Long unknownId = null;
    if (model.hasNonNull("unk_id")) {
      unknownId = model.get("unk_id").asLong();
    } else if (unknownToken != null) {
      unknownId = ids.get(unknownToken);
    } else if (model.hasNonNull("unk_token")) {
      unknownId = ids.get(model.get("unk_token").asText());
    }
    return new TokenizerVocabulary(Map.copyOf(ids), unknownId, highestId);
  }

  /** The id of a vocabulary piece, e.g. {@code "▁yes"}. */
  public OptionalLong id(String piece) {
    Long id = ids.get(piece);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /**
   * The unknown token's id. Unigram tokenizers report an unknown stretch of text with the original
   * characters as token text, so unknown tokens are recognized by id, not by text.
   */
  public OptionalLong unknownId() {
    return unknownId == null ? OptionalLong.empty() : OptionalLong.of(unknownId);
  }

  /** Number of pieces. */
  public int size() {
    return ids.size();
  }

  /**
   * The highest id the tokenizer can emit, of its vocabulary and its added tokens (also one whose
   * text the vocabulary has under another id): the model must have an embedding for it.
   */
  public long highestId() {
    return highestId;
  }
}
