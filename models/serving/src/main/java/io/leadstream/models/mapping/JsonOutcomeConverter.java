package io.leadstream.models.mapping;

import io.leadstream.models.mapping.JsonEventException.Kind;
import io.leadstream.schema.LeadOutcome;
import io.leadstream.schema.OutcomeType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CRM's own JSON outcome event through an {@link OutcomeMapping} into a {@link
 * LeadOutcome}, with the checks and messages of {@link JsonEventConverter}: UTF-8, one JSON object,
 * each mapped path holding a single value its use can read. Stateless and thread-safe.
 */
public final class JsonOutcomeConverter {

  private final OutcomeMapping mapping;

  /** What each mapped path must hold, for messages. */
  private final Map<String, String> expected = new LinkedHashMap<>();

  public JsonOutcomeConverter(OutcomeMapping mapping) {
    this.mapping = mapping;
    expected.put(mapping.leadPath(), "a lead id (a string or a number)");
    expected.put(mapping.outcomePath(), "one of " + mapping.words());
    if (mapping.time() != null) {
      expected.put(mapping.time().column(), mapping.time().expectedValue());
    }
    putIfMapped(mapping.idPath(), "an event id (a string or a number)");
    putIfMapped(mapping.valuePath(), "a number");
    putIfMapped(mapping.currencyPath(), "a currency code (a string)");
  }

  /**
   * The outcome a CRM's JSON event maps to.
   *
   * @param json the event's bytes
   * @param fallbackId the event id when the mapping has no id path or the event lacks it
   * @param fallbackTime {@code occurredAt} when the mapping has no time path or the event lacks it
   * @throws JsonEventException saying what is wrong, with its kind
   */
  public LeadOutcome convert(byte[] json, String fallbackId, Instant fallbackTime) {
    JsonRow row = JsonEventConverter.flatten(json);
    List<String> problems = new ArrayList<>();
    expected.forEach(
        (path, what) -> {
          String shape = row.shape(path);
          if (shape != null) {
            problems.add(path + ": expected " + what + ", got " + shape);
          }
        });
    if (!problems.isEmpty()) {
      throw new JsonEventException(Kind.INVALID_FIELD, String.join("; ", problems));
    }
    String lead = value(row, mapping.leadPath());
    if (lead == null) {
      throw new JsonEventException(Kind.MISSING_ID, absent(row, mapping.leadPath(), "the lead id"));
    }
    LeadOutcome.Builder outcome =
        LeadOutcome.newBuilder()
            .setLeadId(lead.strip())
            .setEventId(orElse(value(row, mapping.idPath()), fallbackId))
            .setOutcome(outcome(row, problems))
            .setOccurredAt(time(row, fallbackTime, problems))
            .setValue(number(row, mapping.valuePath(), problems))
            .setCurrency(value(row, mapping.currencyPath()))
            .setSourceSystem(mapping.source());
    if (!problems.isEmpty()) {
      throw new JsonEventException(Kind.INVALID_FIELD, String.join("; ", problems));
    }
    return outcome.build();
  }

  private OutcomeType outcome(JsonRow row, List<String> problems) {
    String path = mapping.outcomePath();
    String word = value(row, path);
    if (word == null) {
      problems.add(absent(row, path, "the outcome"));
      return OutcomeType.UNKNOWN;
    }
    return mapping
        .outcome(word)
        .orElseGet(
            () -> {
              problems.add(path + ": expected " + expected.get(path) + ", got " + row.shown(path));
              return OutcomeType.UNKNOWN;
            });
  }

  private Instant time(JsonRow row, Instant fallback, List<String> problems) {
    TimeMapping time = mapping.time();
    String text = time == null ? null : value(row, time.column());
    if (text == null) {
      return fallback;
    }
    try {
      return time.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(
          time.column()
              + ": expected "
              + time.expectedValue()
              + ", got "
              + row.shown(time.column()));
      return fallback;
    }
  }

  private Double number(JsonRow row, String path, List<String> problems) {
    String text = value(row, path);
    if (text == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(text.strip());
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(path + ": expected a number, got " + row.shown(path));
    return null;
  }

  /**
   * The value under a path; null when the path is not mapped, absent, null or a missing spelling.
   */
  private String value(JsonRow row, String path) {
    if (path == null) {
      return null;
    }
    String cell = row.cells().get(path);
    return mapping.isMissing(cell) ? null : cell;
  }

  private static String absent(JsonRow row, String path, String what) {
    return path
        + " ("
        + what
        + ") is "
        + (row.isNull(path)
            ? "null"
            : row.cells().containsKey(path) ? "blank or a missing spelling" : "not in the event");
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value.strip();
  }

  private void putIfMapped(String path, String what) {
    if (path != null) {
      expected.putIfAbsent(path, what);
    }
  }
}
