package io.leadstream.models.training;

import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.ModelSource;

/**
 * Settings of a training run.
 *
 * @param name bundle name
 * @param seed seed of splits, folds and XGBoost sampling
 * @param encoder the text encoder to embed with and to record in the manifest
 * @param tiers how the tier thresholds are placed
 * @param maxRounds upper bound on boosting rounds (early stopping usually ends sooner)
 */
public record TrainingConfig(
    String name, long seed, EncoderSpec encoder, TierRule tiers, int maxRounds) {

  /** Defaults: MiniLM from its jar, HOT the top decile, at most 1000 rounds. */
  public static TrainingConfig defaults(String name, long seed) {
    return new TrainingConfig(name, seed, miniLm(), TierRule.defaults(), 1000);
  }

  /** This config with another tier rule. */
  public TrainingConfig withTiers(TierRule rule) {
    return new TrainingConfig(name, seed, encoder, rule, maxRounds);
  }

  /** The all-MiniLM-L6-v2 encoder as shipped at the root of its langchain4j jar. */
  public static EncoderSpec miniLm() {
    return EncoderSpec.allMiniLmL6V2(
        ModelSource.describeClasspathResource("all-minilm-l6-v2.onnx"),
        ModelSource.describeClasspathResource("all-minilm-l6-v2-tokenizer.json"));
  }
}
