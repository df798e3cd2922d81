package io.leadstream.models.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the export's label column becomes the known outcome.
 *
 * @param column the label column
 * @param continuous true for a numeric target (regression); positive and negative are then empty
 * @param positive values that count as converted, as the mapping spells them
 * @param negative values that count as not converted, as the mapping spells them
 */
public record LabelMapping(
    String column, boolean continuous, List<String> positive, List<String> negative) {

  public LabelMapping {
    positive = List.copyOf(positive);
    negative = List.copyOf(negative);
  }

  /**
   * Whether {@code value} counts as converted, compared trimmed and ignoring case; empty when it is
   * neither a positive nor a negative value (or the label is continuous).
   */
  public Optional<Boolean> converted(String value) {
    if (continuous || value == null) {
      return Optional.empty();
    }
    if (contains(positive, value)) {
      return Optional.of(true);
    }
    return contains(negative, value) ? Optional.of(false) : Optional.empty();
  }

  /** What a valid label looks like, for error messages. */
  public String expected() {
    return continuous
        ? "expected a number"
        : "expected one of positive " + positive + " or negative " + negative;
  }

  private static boolean contains(List<String> values, String value) {
    String wanted = value.strip().toLowerCase(Locale.ROOT);
    return values.stream().anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted));
  }
}
