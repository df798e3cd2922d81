package io.leadstream.models.training;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The language of synthetic leads: which phrases their notes and messages are written in and which
 * market their companies and people come from. The hidden process that makes the labels is the same
 * in every language.
 */
public enum Language {
  /** English notes, European and US companies: the default, the default bundle's data. */
  EN("en", "English", LeadPhrases.ENGLISH, LeadMarket.EUROPE),
  /** Chinese notes (简体中文), companies in mainland China, Hong Kong and Singapore. */
  ZH("zh", "Chinese", ChinesePhrases.PHRASES, LeadMarket.CHINA);

  private final String code;
  private final String displayName;
  private final LeadPhrases phrases;
  private final LeadMarket market;

  Language(String code, String displayName, LeadPhrases phrases, LeadMarket market) {
    this.code = code;
    this.displayName = displayName;
    this.phrases = phrases;
    this.market = market;
  }

  /**
   * The language of an ISO 639-1 code, any case.
   *
   * @throws IllegalArgumentException naming the known codes
   */
  public static Language of(String code) {
    for (Language language : values()) {
      if (language.code.equalsIgnoreCase(code.trim())) {
        return language;
      }
    }
    throw new IllegalArgumentException(
        "unknown language '"
            + code
            + "', expected one of "
            + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", ")));
  }

  /** ISO 639-1 code: {@code en}, {@code zh}. */
  public String code() {
    return code;
  }

  /** English name of the language, as the model card writes it. */
  public String displayName() {
    return displayName;
  }

  LeadPhrases phrases() {
    return phrases;
  }

  LeadMarket market() {
    return market;
  }
}
