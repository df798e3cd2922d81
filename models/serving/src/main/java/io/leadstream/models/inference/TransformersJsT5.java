package io.leadstream.models.inference;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A T5-style encoder-decoder (Flan-T5) as the hub's transformers.js repositories publish it, such
 * as Xenova's: {@value #ENCODER} ({@code input_ids}, {@code attention_mask} -> {@code
 * last_hidden_state}), {@value #DECODER} without cache ({@link DecoderNames#TRANSFORMERS_JS}) and
 * {@value #TOKENIZER}, with T5's conventions: unknown token {@code <unk>}, decoder start id 0, 512
 * tokens. Makes the zero-shot and encoder specs {@code bundle init} writes.
 *
 * <p>Known by name ({@link #KNOWN}): Xenova's Flan-T5 small, base and large, whose d_model is in
 * their published configs. Neither their files nor their names have been downloaded or checked here
 * (no hub); the specs follow the layout as transformers.js documents it.
 */
public final class TransformersJsT5 {

  /** The layout's name, as {@code bundle init --layout} takes it. */
  public static final String LAYOUT = "transformers.js";

  public static final String ENCODER = "onnx/encoder_model.onnx";
  public static final String DECODER = "onnx/decoder_model.onnx";
  public static final String TOKENIZER = "tokenizer.json";

  /** The files of the layout, by path in the repository. */
  public static final List<String> FILES = List.of(ENCODER, DECODER, TOKENIZER);

  /** d_model of the repositories known by name. */
  public static final Map<String, Integer> KNOWN =
      Map.of("Xenova/flan-t5-small", 512, "Xenova/flan-t5-base", 768, "Xenova/flan-t5-large", 1024);

  /**
   * The word-start answer pieces, which an English SentencePiece vocabulary has (bare {@code yes}
   * pieces may be missing, and a missing piece fails the load).
   */
  public static final List<String> YES_ANSWERS = List.of("\u2581yes", "\u2581Yes");

  public static final List<String> NO_ANSWERS = List.of("\u2581no", "\u2581No");

  /** Flan-T5's training length. */
  public static final int MAX_TOKENS = 512;

  private TransformersJsT5() {}

  /** d_model of a repository known by name. */
  public static OptionalInt knownDimension(HubRepo repo) {
    Integer dimension = KNOWN.get(repo.id());
    return dimension == null ? OptionalInt.empty() : OptionalInt.of(dimension);
  }

  /**
   * The zero-shot spec over a repository's files on ONNX Runtime.
   *
   * @param sha256 known hashes by file path; the others are pinned on their first download
   */
  public static ZeroShotSpec zeroShot(HubRepo repo, Map<String, String> sha256) {
    return new ZeroShotSpec(
        "OnnxRuntime",
        file(repo, ENCODER, sha256),
        file(repo, DECODER, sha256),
        file(repo, TOKENIZER, sha256),
        ZeroShotSpec.DEFAULT_PROMPT_TEMPLATE,
        YES_ANSWERS,
        NO_ANSWERS,
        0,
        MAX_TOKENS,
        null,
        DecoderNames.TRANSFORMERS_JS);
  }

  /**
   * The encoder spec (mean pooling, L2-normalized) over a repository's encoder on ONNX Runtime.
   *
   * @param dimension d_model
   * @param sha256 known hashes by file path; the others are pinned on their first download
   */
  public static EncoderSpec encoder(HubRepo repo, int dimension, Map<String, String> sha256) {
    return new EncoderSpec(
        "OnnxRuntime",
        file(repo, ENCODER, sha256),
        file(repo, TOKENIZER, sha256),
        List.of("input_ids", "attention_mask"),
        "last_hidden_state",
        Pooling.MEAN,
        MAX_TOKENS,
        dimension,
        true,
        "<unk>");
  }

  private static ModelFile file(HubRepo repo, String path, Map<String, String> sha256) {
    return new ModelFile(repo.source(path), sha256.get(path), 0);
  }
}
