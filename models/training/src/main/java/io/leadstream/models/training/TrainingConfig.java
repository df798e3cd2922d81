package io.leadstream.models.training;

import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.ModelSource;
import java.util.List;

/**
 * Settings of a training run.
 *
 * @param name bundle name
 * @param seed seed of splits, folds and XGBoost sampling
 * @param encoder the text encoder to embed with and to record in the manifest
 * @param tiers how the tier thresholds are placed
 * @param maxRounds upper bound on boosting rounds (early stopping usually ends sooner)
 * @param language the language the bundle's reasons are written in ({@code en}, {@code zh}), or
 *     null for the encoder's
 */
public record TrainingConfig(
    String name, long seed, EncoderSpec encoder, TierRule tiers, int maxRounds,
    String language) {

  /** Defaults: MiniLM from its jar, HOT the top decile, at most 1000 rounds, reasons in English. */
  public static TrainingConfig defaults(String name, long seed) {
    return new TrainingConfig(name, seed, miniLm(), TierRule.defaults(), 1000, null);
  }

  /** This config with another tier rule. */
  public TrainingConfig withTiers(TierRule rule) {
    return new TrainingConfig(name, seed, encoder, rule, maxRounds, language);
  }

  /** This config with another text encoder. */
  public TrainingConfig withEncoder(EncoderSpec spec) {
    return new TrainingConfig(name, seed, spec, tiers, maxRounds, language);
  }

  /** This config writing reasons in {@code code} ({@code en}, {@code zh}); null: the encoder's. */
  public TrainingConfig withLanguage(String code) {
    return new TrainingConfig(name, seed, encoder, tiers, maxRounds, code);
  }

  /** Names of the encoders {@link #encoderNamed} knows: English MiniLM, Chinese bge-small-zh. */
  public static final List<String> ENCODER_NAMES = List.of("minilm", "bge-small-zh");

  /**
   * The encoder of one of {@link #ENCODER_NAMES}.
   *
   * @throws IllegalArgumentException naming the known encoders
   */
  public static EncoderSpec encoderNamed(String name) {
    return switch (name) {
      case "minilm" -> miniLm();
      case "bge-small-zh" -> bgeSmallZh();
      default -> throw new IllegalArgumentException(
          "unknown encoder '" + name + "', expected one of " + String.join(", ", ENCODER_NAMES));
    };
  }

  /** The all-MiniLM-L6-v2 encoder as shipped at the root of its langchain4j jar. */
  public static EncoderSpec miniLm() {
    return EncoderSpec.allMiniLmL6V2(
        ModelSource.describeClasspathResource("all-minilm-l6-v2.onnx"),
        ModelSource.describeClasspathResource("all-minilm-l6-v2-tokenizer.json"));
  }

  /**
   * The Chinese bge-small-zh-v1.5 encoder as shipped at the root of its langchain4j jar. Hashing
   * its 95 MB model file takes a moment.
   */
  public static EncoderSpec bgeSmallZh() {
    return EncoderSpec.bgeSmallZhV15(
        ModelSource.describeClasspathResource("bge-small-zh-v1.5.onnx"),
        ModelSource.describeClasspathResource("bge-small-zh-v1.5-tokenizer.json"));
  }
}
