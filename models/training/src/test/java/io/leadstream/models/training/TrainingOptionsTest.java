package io.leadstream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadstream.models.inference.NamedEncoders;
import org.junit.jupiter.api.Test;

/**
 * The choices of a training run: which combine, their defaults and refusals, as `train` has them.
 */
class TrainingOptionsTest {

  @Test
  void shouldTrainOnFourThousandEnglishLeadsWithMiniLmAndTheDefaultTiersByDefault() {
    TrainingOptions options = TrainingOptions.synthetic(null).build();

    assertThat(options.fromExport()).isFalse();
    assertThat(options.syntheticLeads()).isEqualTo(4000);
    assertThat(options.leadLanguage()).isEqualTo(Language.EN);
    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.tiers()).isEqualTo(TierRule.defaults());
    assertThat(options.encoder().spec()).isEqualTo(NamedEncoders.miniLmQuantized());
    assertThat(options.encoderMissesLeadLanguage()).isFalse();
    TrainingConfig config = options.config("default");
    assertThat(config.name()).isEqualTo("default");
    assertThat(config.seed()).isEqualTo(42);
    assertThat(config.language()).isEqualTo("en");
    assertThat(config.tiers()).isEqualTo(TierRule.defaults());
  }

  @Test
  void shouldGenerateNoLeadsForAnExportAndLeaveItsReasonsToTheMappingOrEncoder() {
    TrainingOptions options = TrainingOptions.export().seed(7).build();

    assertThat(options.fromExport()).isTrue();
    assertThat(options.syntheticLeads()).isZero();
    assertThat(options.config("acme").language()).isNull();
    assertThat(options.config("acme").seed()).isEqualTo(7);
  }

  @Test
  void shouldSetHotByShareScoreOrCapacityButNotByScoreAndCapacity() {
    assertThat(TrainingOptions.synthetic(300).hotShare(0.2).build().tiers())
        .isEqualTo(TierRule.defaults().withHotShare(0.2));
    assertThat(TrainingOptions.synthetic(300).hotShare(0.2).hotScore(80).build().tiers())
        .isEqualTo(TierRule.defaults().withHotShare(0.2).withHotScore(80));
    assertThat(TrainingOptions.synthetic(300).capacity(20).build().tiers().capacityPerDay())
        .isEqualTo(20);
    assertThatThrownBy(() -> TrainingOptions.synthetic(300).hotScore(80).capacity(20).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("give --hot-score or --capacity, not both");
    assertThatThrownBy(() -> TrainingOptions.synthetic(300).hotScore(1).build())
        .hasMessage("HOT score must be 2-100, got 1");
    assertThatThrownBy(() -> TrainingOptions.synthetic(300).capacity(0).build())
        .hasMessage("capacity must be at least 1 lead a day, got 0");
  }

  @Test
  void shouldChooseTheLanguageOfSyntheticLeadsOnly() {
    TrainingOptions chinese = TrainingOptions.synthetic(300).language(" ZH ").build();

    assertThat(chinese.leadLanguage()).isEqualTo(Language.ZH);
    assertThat(chinese.config("zh").language()).isEqualTo("zh");
    assertThat(chinese.encoderMissesLeadLanguage()).as("MiniLM reads English").isTrue();
    assertThatThrownBy(() -> TrainingOptions.export().language("zh").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--language chooses the phrases of --synthetic leads; an export's text is read"
                + " as it is");
    assertThatThrownBy(() -> TrainingOptions.synthetic(300).language("fr").build())
        .hasMessage("--language: unknown language 'fr', expected one of en, zh");
  }

  @Test
  void shouldReadChineseLeadsWithBgeSmallZhAndRefuseAnUnknownEncoder() {
    TrainingOptions options =
        TrainingOptions.synthetic(300).language("zh").encoder("bge-small-zh").build();

    assertThat(options.encoder().spec().dimension()).isEqualTo(512);
    assertThat(options.encoderMissesLeadLanguage()).isFalse();
    assertThatThrownBy(() -> TrainingOptions.synthetic(300).encoder("bert").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--encoder: unknown encoder 'bert', expected one of minilm, minilm-q, bge-small-zh, or an encoder spec JSON file");
  }

  @Test
  void shouldRefuseTooFewSyntheticLeadsToEvaluateHonestly() {
    assertThat(TrainingOptions.synthetic(300).build().syntheticLeads()).isEqualTo(300);
    assertThatThrownBy(() -> TrainingOptions.synthetic(299).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--synthetic must be at least 300 leads to train and evaluate honestly, was 299");
  }

  @Test
  void shouldReportTheTierOptionsBeforeTheLanguageTheEncoderAndTheCount() {
    assertThatThrownBy(
            () ->
                TrainingOptions.synthetic(10)
                    .language("fr")
                    .encoder("bert")
                    .hotScore(80)
                    .capacity(20)
                    .build())
        .hasMessage("give --hot-score or --capacity, not both");
    assertThatThrownBy(() -> TrainingOptions.synthetic(10).language("fr").encoder("bert").build())
        .hasMessageStartingWith("--language:");
    assertThatThrownBy(() -> TrainingOptions.synthetic(10).encoder("bert").build())
        .hasMessageStartingWith("--encoder:");
  }
}
