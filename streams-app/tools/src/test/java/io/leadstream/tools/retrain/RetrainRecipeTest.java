package io.leadstream.tools.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.app.evaluation.Cards;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.NamedEncoders;
import io.leadstream.models.training.DefaultLeadFeatures;
import io.leadstream.models.training.Language;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RetrainRecipeTest {

  private static final Path FOLDER = Path.of("/models/acme");

  @Test
  void shouldReadLeadsAsTheCurrentBundleDoes() {
    BundleManifest current = Cards.read("classpath:bundles/x-education");

    RetrainRecipe recipe = RetrainRecipe.of(FOLDER, "acme", current);

    assertThat(recipe.features()).isEqualTo(current.features());
    assertThat(recipe.config().encoder().spec()).isEqualTo(current.encoder());
    assertThat(recipe.config().encoder().folder()).isEqualTo(FOLDER.toAbsolutePath());
    assertThat(recipe.config().seed()).isEqualTo(current.training().seed());
    assertThat(recipe.config().name()).isEqualTo("acme");
    assertThat(recipe.config().language()).isEqualTo("en");
    assertThat(recipe.segmentSource()).isEqualTo("attributes.Lead Origin");
    assertThat(recipe.basis()).isEqualTo("the features of " + current.version());
  }

  @Test
  void shouldWriteReasonsInTheCurrentBundlesLanguage() {
    BundleManifest current = Cards.read("classpath:bundles/zh");

    RetrainRecipe recipe = RetrainRecipe.of(FOLDER, "zh", current);

    assertThat(recipe.config().language()).isEqualTo("zh");
    assertThat(recipe.config().encoder().spec()).isEqualTo(current.encoder());
    assertThat(recipe.segmentSource()).isNull();
  }

  @Test
  void shouldTrainATextOnlyColdStartBundleOnTheDefaultFeatures() {
    BundleManifest current = Cards.read("classpath:bundles/t5-zero-shot");

    RetrainRecipe recipe = RetrainRecipe.of(FOLDER, "acme", current);

    assertThat(recipe.features()).isEqualTo(DefaultLeadFeatures.spec(Language.EN));
    assertThat(recipe.config().encoder().spec()).isEqualTo(NamedEncoders.miniLmQuantized());
    assertThat(recipe.basis())
        .isEqualTo("the default features (t5-zero-shot-fixture-1 scores by its text only)");
  }
}
