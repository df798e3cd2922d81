package io.leadstream.tools.bench;

import io.leadstream.models.inference.NamedEncoders;
import java.util.List;
import java.util.Optional;

/**
 * The floating-point operations of a BERT-style encoder's matrix products for one text of {@code L}
 * tokens, a multiply-add counted as 2: per layer the query, key, value and output projections
 * ({@code 4 x 2 L d^2}), the attention scores and their weighted sum ({@code 2 x 2 L^2 d}, over
 * every head) and the feed-forward ({@code 2 x 2 L d f}). Not counted: the embedding look-up, layer
 * norms, softmax, GELU and pooling, a few per cent at these sizes.
 *
 * @param layers transformer layers
 * @param hidden hidden size {@code d}
 * @param intermediate the feed-forward's inner size {@code f}
 * @param heads attention heads, each of {@code hidden / heads} dimensions
 */
public record EncoderFlops(int layers, int hidden, int intermediate, int heads) {

  /**
   * all-MiniLM-L6-v2's dimensions. Its Maven artifact ships the ONNX model and tokenizer but no
   * config.json; these are from the config.json of the model card its README names,
   * huggingface.co/Xenova/all-MiniLM-L6-v2 (the same as sentence-transformers/all-MiniLM-L6-v2):
   * num_hidden_layers 6, hidden_size 384, intermediate_size 1536, num_attention_heads 12. The layer
   * count matches the ONNX file's initializer names (encoder.layer.0 to 5), the hidden size the
   * spec's 384 dimensions.
   */
  public static final EncoderFlops MINILM_L6 = new EncoderFlops(6, 384, 1536, 12);

  /**
   * bge-small-zh-v1.5's dimensions, from huggingface.co/BAAI/bge-small-zh-v1.5's config.json (its
   * artifact ships no config.json either): 4 layers, hidden 512, intermediate 2048, 8 heads. The
   * layer count matches the ONNX file's initializer names (encoder.layer.0 to 3).
   */
  public static final EncoderFlops BGE_SMALL_ZH = new EncoderFlops(4, 512, 2048, 8);

  public EncoderFlops {
    if (layers < 1 || hidden < 1 || intermediate < 1 || heads < 1 || hidden % heads != 0) {
      throw new IllegalArgumentException(
          "need positive dimensions and a hidden size divisible by the heads, got "
              + layers
              + " layers, hidden "
              + hidden
              + ", intermediate "
              + intermediate
              + ", "
              + heads
              + " heads");
    }
  }

  /** The dimensions of a named encoder; empty for an encoder spec file, whose are not known. */
  public static Optional<EncoderFlops> ofNamed(String encoder) {
    return switch (encoder) {
      case NamedEncoders.MINILM, NamedEncoders.MINILM_QUANTIZED -> Optional.of(MINILM_L6);
      case NamedEncoders.BGE_SMALL_ZH -> Optional.of(BGE_SMALL_ZH);
      default -> Optional.empty();
    };
  }

  /** FLOPs of one text of {@code tokens} tokens, special tokens included. */
  public double perText(int tokens) {
    double l = tokens;
    double attentionWidth = (double) heads * (hidden / heads);
    double projections = 4 * 2 * l * hidden * attentionWidth;
    double attention = 2 * 2 * l * l * attentionWidth;
    double feedForward = 2 * 2 * l * hidden * intermediate;
    return layers * (projections + attention + feedForward);
  }

  /** Mean FLOPs per text over texts of these token counts (each read alone, unpadded). */
  public double meanPerText(List<Integer> tokenCounts) {
    if (tokenCounts.isEmpty()) {
      throw new IllegalArgumentException("no texts to count");
    }
    return tokenCounts.stream().mapToDouble(this::perText).average().orElseThrow();
  }
}
