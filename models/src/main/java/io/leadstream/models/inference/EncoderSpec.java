package io.leadstream.models.inference;

import java.util.List;

/**
 * The encoder section of a bundle manifest: everything needed to load and run a text encoder,
 * so a different encoder needs a different manifest, not different code.
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
    String unknownToken) {

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
}
