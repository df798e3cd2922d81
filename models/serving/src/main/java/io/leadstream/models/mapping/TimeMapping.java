package io.leadstream.models.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The export's event-time column and how to read it. Without a format it reads ISO-8601: a date
 * ({@code 2024-03-01}, start of day), a local date-time ({@code 2024-03-01T10:15[:30]}, a space
 * instead of {@code T} also accepted) or one with an offset ({@code ...Z}, {@code ...+02:00}). With
 * a {@link DateTimeFormatter} pattern it reads dates or date-times in that pattern. Times without
 * an offset are taken in {@link #zone()}, UTC unless the mapping says otherwise.
 */
public final class TimeMapping {
  private static final Pattern SPACE_SEPARATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d.*");

  private final String column;
  private final String format;
  private final ZoneId zone;
  private final DateTimeFormatter formatter;

  /**
   * @param column the time column
   * @param format a {@link DateTimeFormatter} pattern, or null for ISO-8601
   * @param zone zone of times without an offset
   * @throws IllegalArgumentException when the pattern is invalid
   */
  public TimeMapping(String column, String format, ZoneId zone) {
    this.column = column;
    this.format = format;
    this.zone = zone;
    this.formatter = format == null ? null : DateTimeFormatter.ofPattern(format, Locale.ROOT);
  }

  public String column() {
    return column;
  }

  /** The pattern, or empty for ISO-8601. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * The instant a cell holds.
   *
   * @throws DateTimeParseException when it is not in the expected form
   */
  public Instant parse(String value) {
    String text = value.strip();
    if (formatter == null) {
      return parseIso(SPACE_SEPARATED.matcher(text).matches() ? text.replace(' ', 'T') : text);
    }
    TemporalAccessor parsed =
        formatter.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (parsed instanceof LocalDateTime local) {
      return local.atZone(zone).toInstant();
    }
    return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
  }

  /** What a valid time looks like, for error messages. */
  String expected() {
    return "expected " + expectedValue();
  }

  /** What a valid time is, without "expected": {@code an ISO-8601 date ...}. */
  String expectedValue() {
    return format == null
        ? "an ISO-8601 date or date-time such as 2024-03-01 or 2024-03-01T10:15:00Z"
        : "a time in the format '" + format + "'";
  }

  private Instant parseIso(String text) {
    if (text.length() <= 10) {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    }
  }
}
