package io.leadstream.models.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The encoder section of a bundle manifest: everything needed to load and run a text encoder, so a
 * different encoder needs a different manifest, not different code.
 *
 * @param engine DJL engine name, {@code OnnxRuntime} (ONNX) or {@code PyTorch} (TorchScript)
 * @param model the model file
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param inputs model input names in the order the model expects; known names are {@code
 *     input_ids}, {@code attention_mask} and {@code token_type_ids}
 * @param output name of the token-vector output ({@code last_hidden_state}); null takes the first
 * @param pooling how token vectors become one vector
 * @param maxTokens texts are truncated to this many tokens, special tokens included
 * @param dimension size of the embedding
 * @param normalize whether embeddings are scaled to unit L2 norm
 * @param unknownToken the vocabulary's unknown token, counted for {@code unknownTokenRatio}
 * @param lowercase whether texts are lower-cased before tokenizing, for models trained on
 *     lower-cased text whose {@code tokenizer.json} does not say so; false when absent
 * @param language the language the encoder reads ({@code en}, {@code zh}), for the model card; null
 *     when not recorded
 */
public record EncoderSpec(
    String engine,
    ModelFile model,
    ModelFile tokenizer,
    List<String> inputs,
    String output,
    Pooling pooling,
    int maxTokens,
    int dimension,
    boolean normalize,
    String unknownToken,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean lowercase,
    @JsonInclude(JsonInclude.Include.NON_NULL) String language,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxBatch) {

  /** An encoder that reads text as its tokenizer says, in no recorded language. */
  public EncoderSpec(
      String engine,
      ModelFile model,
      ModelFile tokenizer,
      List<String> inputs,
      String output,
      Pooling pooling,
      int maxTokens,
      int dimension,
      boolean normalize,
      String unknownToken) {
    this(
        engine,
        model,
        tokenizer,
        inputs,
        output,
        pooling,
        maxTokens,
        dimension,
        normalize,
        unknownToken,
        false,
        null,
        0);
  }

  /** This spec running at most {@code texts} texts per model call. */
  public EncoderSpec withMaxBatch(int texts) {
    return new EncoderSpec(
        engine,
        model,
        tokenizer,
        inputs,
        output,
        pooling,
        maxTokens,
        dimension,
        normalize,
        unknownToken,
        lowercase,
        language,
        texts);
  }

  /** This spec reading other model and tokenizer files. */
  public EncoderSpec withFiles(ModelFile otherModel, ModelFile otherTokenizer) {
    return new EncoderSpec(
        engine,
        otherModel,
        otherTokenizer,
        inputs,
        output,
        pooling,
        maxTokens,
        dimension,
        normalize,
        unknownToken,
        lowercase,
        language,
        maxBatch);
  }

  /** The all-MiniLM-L6-v2 sentence encoder shipped by the langchain4j Maven artifact. */
  public static EncoderSpec allMiniLmL6V2(ModelFile model, ModelFile tokenizer) {
    return new EncoderSpec(
        "OnnxRuntime",
        model,
        tokenizer,
        List.of("input_ids", "attention_mask", "token_type_ids"),
        "last_hidden_state",
        Pooling.MEAN,
        128,
        384,
        true,
        "[UNK]");
  }

  /**
   * The BAAI bge-small-zh-v1.5 Chinese sentence encoder shipped by the langchain4j Maven artifact:
   * a BERT with a 21,128-piece vocabulary (Chinese characters, lower-case English word pieces),
   * [CLS] pooling, L2-normalized, 512 dimensions.
   *
   * <p>The model reads up to 512 tokens; this spec truncates at 128, which covers CRM notes and
   * messages (one token per Chinese character, ~1.5 per English word) and keeps the cost of
   * attention down on a CPU. The artifact's {@code tokenizer.json} does not lower-case, but the
   * vocabulary holds no upper-case Latin letters, so "ABC" or "SAP" would read as [UNK]: texts are
   * lower-cased first, as the original model's tokenizer does.
   */
  public static EncoderSpec bgeSmallZhV15(ModelFile model, ModelFile tokenizer) {
    return new EncoderSpec(
        "OnnxRuntime",
        model,
        tokenizer,
        List.of("input_ids", "attention_mask", "token_type_ids"),
        "last_hidden_state",
        Pooling.CLS,
        128,
        512,
        true,
        "[UNK]",
        true,
        "zh",
        0);
  }
}
