package io.leadstream.models.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reasons read as they did with {@link String#format}: templates filled by concatenation, counts
 * grouped and amounts trimmed by hand, each against String.format as the oracle.
 */
class PhraseTemplateTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no meetings yet",
        "%s meetings",
        "budget %s%s",
        "text not readable by this model (%s%% unknown tokens)",
        "该模型读不懂这段文本 (%s%% 的词元未知)",
        "%s: %s",
        "%s",
        "100%% %s%%",
        ""
      })
  void shouldFillTemplatesAsStringFormatDoes(String template) {
    Object[] args = {"42.5k", 7L, null};

    assertThat(PhraseTemplate.parse(template).fill(args))
        .isEqualTo(String.format(Locale.ROOT, template, args));
  }

  @Test
  void shouldRefuseConversionsOtherThanStrings() {
    assertThatThrownBy(() -> PhraseTemplate.parse("%d meetings"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"%d meetings\"");
    assertThatThrownBy(() -> PhraseTemplate.parse("50%"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseTooFewArguments() {
    assertThatThrownBy(() -> PhraseTemplate.parse("budget %s%s").fill("42.5k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 slot(s) got 1 argument(s)");
  }

  @Test
  void shouldGroupThousandsAsStringFormatDoes() {
    Random random = new Random(7);
    long[] fixed = {0, 7, -7, 999, -999, 1000, -1000, 12_345, 999_999, 1_234_567, Long.MAX_VALUE};
    for (long n : fixed) {
      assertThat(ReasonPhrases.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
    assertThat(ReasonPhrases.grouped(Long.MIN_VALUE))
        .isEqualTo(String.format(Locale.ROOT, "%,d", Long.MIN_VALUE));
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() >> random.nextInt(64);
      assertThat(ReasonPhrases.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }
  }

  @Test
  void shouldWriteAmountsAndPointsAsStringFormatDid() {
    Random random = new Random(11);
    double[] fixed = {0, -0.0, 5, 42_500, 50_000, 999.95, 1_000_000, 4_250_000, 1e18, -3_000, 0.04};
    for (double amount : fixed) {
      assertThat(ReasonPhrases.ENGLISH.money(amount)).isEqualTo(formattedMoney(amount));
    }
    for (int i = 0; i < 10_000; i++) {
      double amount =
          random.nextBoolean()
              ? random.nextInt(20_000_000)
              : random.nextDouble() * Math.pow(10, random.nextInt(10));
      assertThat(ReasonPhrases.ENGLISH.money(amount)).isEqualTo(formattedMoney(amount));
      double points = (random.nextDouble() - 0.5) * 200;
      if (Math.round(points) != 0) {
        assertThat(ReasonPhrases.ENGLISH.points(points))
            .isEqualTo(String.format(Locale.ROOT, "%+d", Math.round(points)));
      }
    }
  }

  /** ReasonPhrases.money in English as written with String.format before. */
  private static String formattedMoney(double amount) {
    double abs = Math.abs(amount);
    if (abs >= 1_000_000) {
      return trimmed(amount / 1_000_000) + "M";
    }
    return abs >= 1_000 ? trimmed(amount / 1_000) + "k" : trimmed(amount);
  }

  private static String trimmed(double value) {
    return Math.abs(value) >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
