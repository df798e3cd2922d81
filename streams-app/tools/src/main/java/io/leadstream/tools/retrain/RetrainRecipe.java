package io.leadstream.tools.retrain;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.training.DefaultLeadFeatures;
import io.leadstream.models.training.Language;
import io.leadstream.models.training.TrainingConfig;
import java.nio.file.Path;

/**
 * What a retrained candidate takes from the current bundle's manifest, so that it reads the leads
 * as the current one does: the scorer's features (a field prior's terms for a cold-start bundle,
 * the default features for a text-only one), the text encoder (its files found as the bundle's
 * are), the seed, the reasons' language and the segment field. The tier thresholds are placed by
 * the default rule: a manifest records its rule in words only.
 *
 * @param features the features to train the scorer on
 * @param config the training settings, named after the bundle folder
 * @param segmentSource the field whose values name segments, or null for none
 * @param basis where the features came from, in words
 */
public record RetrainRecipe(
    FeatureSpec features, TrainingConfig config, String segmentSource, String basis) {

  /** The recipe of the bundle in {@code folder}, described by {@code current}. */
  public static RetrainRecipe of(Path folder, String name, BundleManifest current) {
    String language = current.reasonLanguage();
    FeatureSpec features;
    String basis;
    if (current.features() != null) {
      features = current.features();
      basis = "the features of " + current.version();
    } else if (current.fieldPrior() != null) {
      features = current.fieldPrior().features();
      basis = "the field prior's terms of " + current.version();
    } else {
      features = DefaultLeadFeatures.spec(Language.of(language));
      basis = "the default features (" + current.version() + " scores by its text only)";
    }
    LocatedEncoder encoder =
        current.encoder() != null
            ? new LocatedEncoder(current.encoder(), folder.toAbsolutePath())
            : LocatedEncoder.named(
                "zh".equals(language)
                    ? NamedEncoders.BGE_SMALL_ZH
                    : NamedEncoders.MINILM_QUANTIZED);
    long seed = current.training() == null ? 42 : current.training().seed();
    TrainingConfig config =
        TrainingConfig.defaults(name, seed).withEncoder(encoder).withLanguage(language);
    return new RetrainRecipe(
        features, config, current.segments() == null ? null : current.segments().source(), basis);
  }
}
