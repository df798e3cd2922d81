package io.leadstream.models.training;

import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.scoring.FeatureSpec;

/**
 * Settings of a training run.
 *
 * @param name bundle name
 * @param seed seed of splits, folds and XGBoost sampling
 * @param encoder the text encoder to embed with and to record in the manifest
 * @param features the scorer's features
 * @param hotShare share of validation leads that should land in HOT
 * @param warmShare share in WARM
 * @param coldShare share in COLD; the rest is DISQUALIFIED
 * @param maxRounds upper bound on boosting rounds (early stopping usually ends sooner)
 */
public record TrainingConfig(
    String name,
    long seed,
    EncoderSpec encoder,
    FeatureSpec features,
    double hotShare,
    double warmShare,
    double coldShare,
    int maxRounds) {

  /** Defaults: MiniLM from its jar, {@link DefaultLeadFeatures}, tiers 10/30/40/20 %. */
  public static TrainingConfig defaults(String name, long seed) {
    return new TrainingConfig(
        name, seed, miniLm(), DefaultLeadFeatures.spec(), 0.10, 0.30, 0.40, 1000);
  }

  /** The all-MiniLM-L6-v2 encoder as shipped at the root of its langchain4j jar. */
  public static EncoderSpec miniLm() {
    return EncoderSpec.allMiniLmL6V2(
        ModelSource.describeClasspathResource("all-minilm-l6-v2.onnx"),
        ModelSource.describeClasspathResource("all-minilm-l6-v2-tokenizer.json"));
  }
}
