package io.leadstream.models.training;

import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;

/**
 * Settings of a training run.
 *
 * @param name bundle name
 * @param seed seed of splits, folds and XGBoost sampling
 * @param encoder the text encoder to embed with and to record in the manifest, and where its files
 *     are
 * @param tiers how the tier thresholds are placed
 * @param maxRounds upper bound on boosting rounds (early stopping usually ends sooner)
 * @param language the language the bundle's reasons are written in ({@code en}, {@code zh}), or
 *     null for the encoder's
 */
public record TrainingConfig(
    String name,
    long seed,
    LocatedEncoder encoder,
    TierRule tiers,
    int maxRounds,
    String language) {

  /**
   * Defaults: int8 MiniLM (minilm-q) from its jar, HOT the top decile, at most 1000 rounds, reasons
   * in English.
   */
  public static TrainingConfig defaults(String name, long seed) {
    return new TrainingConfig(
        name,
        seed,
        LocatedEncoder.named(NamedEncoders.MINILM_QUANTIZED),
        TierRule.defaults(),
        1000,
        null);
  }

  /** This config with another tier rule. */
  public TrainingConfig withTiers(TierRule rule) {
    return new TrainingConfig(name, seed, encoder, rule, maxRounds, language);
  }

  /** This config with another text encoder. */
  public TrainingConfig withEncoder(LocatedEncoder located) {
    return new TrainingConfig(name, seed, located, tiers, maxRounds, language);
  }

  /** This config writing reasons in {@code code} ({@code en}, {@code zh}); null: the encoder's. */
  public TrainingConfig withLanguage(String code) {
    return new TrainingConfig(name, seed, encoder, tiers, maxRounds, code);
  }
}
