package io.leadstream.models.mapping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading of single cells. Numbers are plain decimals ({@code 12}, {@code -0.5}, {@code 1e3});
 * Java's own spellings ({@code NaN}, {@code 0x1p3}, {@code 1d}) are refused because a CRM does not
 * write them. Booleans are the words {@link io.leadstream.models.scoring.FeatureExtractor} reads.
 */
public final class CellValues {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  static final String BOOLEAN_WORDS = "yes/no, true/false, y/n or 1/0";

  private CellValues() {}

  public static boolean isNumber(String value) {
    return NUMBER.matcher(value.strip()).matches();
  }

  /**
   * The stripped cell when it is a number.
   *
   * @throws IllegalArgumentException otherwise
   */
  static String requireNumber(String value) {
    String text = value.strip();
    if (!NUMBER.matcher(text).matches()) {
      throw new IllegalArgumentException("expected a number");
    }
    return text;
  }

  public static double number(String value) {
    return Double.parseDouble(requireNumber(value));
  }

  static boolean isBoolean(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "false", "no", "n", "0" -> true;
      default -> false;
    };
  }

  /**
   * The boolean a cell spells.
   *
   * @throws IllegalArgumentException when it spells none
   */
  static boolean bool(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException("expected " + BOOLEAN_WORDS);
    };
  }
}
