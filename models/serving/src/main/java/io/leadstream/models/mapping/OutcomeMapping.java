package io.leadstream.models.mapping;

import io.leadstream.schema.OutcomeType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which paths of a CRM's JSON outcome event (a deal closing, a lead disqualified) are what: read by
 * {@link JsonOutcomeConverter} into a {@code LeadOutcome}. A small grammar of its own beside the
 * lead mapping, whose events are other objects:
 *
 * <pre>
 * lead: properties.contact_id            # required: the lead's id, as leads.raw keys it
 * outcome:                               # required
 *   column: properties.dealstage
 *   values: {closedwon: WON, closedlost: LOST, unqualified: DISQUALIFIED}
 * time: properties.closedate             # optional: else the record's timestamp
 * id: objectId                           # optional: else the record's position
 * value: properties.amount               # optional number
 * currency: properties.deal_currency_code
 * source: hubspot                        # optional: the sourceSystem every outcome gets
 * missing: ["", "null"]                  # optional: spellings of no value
 * </pre>
 *
 * @param origin what messages call the mapping, usually its file name
 * @param leadPath path of the lead id
 * @param outcomePath path of the CRM's word for the outcome
 * @param outcomes each word, lower case, to its outcome
 * @param time the time path and its format; null for the record's timestamp
 * @param idPath path of the outcome's event id; null for the record's position
 * @param valuePath path of the deal's value; null for none
 * @param currencyPath path of the value's currency; null for none
 * @param source the sourceSystem of every outcome
 * @param missing spellings that mean no value, compared trimmed and ignoring case
 */
public record OutcomeMapping(
    String origin,
    String leadPath,
    String outcomePath,
    Map<String, OutcomeType> outcomes,
    TimeMapping time,
    String idPath,
    String valuePath,
    String currencyPath,
    String source,
    List<String> missing) {

  /** The outcomes an outcome mapping may name: those LeadStream has a label for. */
  private static final List<OutcomeType> LABELLED =
      Arrays.stream(OutcomeType.values()).filter(t -> t != OutcomeType.UNKNOWN).toList();

  public OutcomeMapping {
    outcomes = Map.copyOf(outcomes);
    missing = missing.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Reads and validates an outcome mapping file; messages name the file by its file name.
   *
   * @throws MappingException when it cannot be read or is invalid
   */
  public static OutcomeMapping load(Path yaml) {
    String name = String.valueOf(yaml.getFileName());
    try {
      return parse(Files.readString(yaml, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new MappingException(name + ": cannot read the outcome mapping file: " + e, e);
    }
  }

  /**
   * Parses and validates an outcome mapping.
   *
   * @param origin what to call it in messages, usually its file name
   * @throws MappingException when it is invalid
   */
  public static OutcomeMapping parse(String yaml, String origin) {
    OutcomeMappingFile file =
        new MappingReader(origin)
            .read(yaml, OutcomeMappingFile.class, "lead and outcome", "lead, outcome, time, ...");
    String lead = path(origin, required(origin, file.lead(), "lead", "the path of the lead id"));
    OutcomeMappingFile.Outcome outcome =
        required(origin, file.outcome(), "outcome", "the path of the outcome and its values");
    String outcomePath =
        path(origin, required(origin, outcome.column(), "outcome.column", "the outcome's path"));
    Map<String, String> written =
        required(
            origin,
            outcome.values(),
            "outcome.values",
            "what each of the CRM's values means, e.g. {closedwon: WON, closedlost: LOST}");
    Map<String, OutcomeType> outcomes = new LinkedHashMap<>();
    written.forEach(
        (word, meaning) ->
            outcomes.put(word.strip().toLowerCase(Locale.ROOT), type(origin, word, meaning)));
    if (outcomes.size() != written.size()) {
      throw new MappingException(
          origin + ": outcome.values spells a value twice (values are compared ignoring case)");
    }
    return new OutcomeMapping(
        origin,
        lead,
        outcomePath,
        outcomes,
        file.time() == null ? null : time(origin, file.time()),
        optionalPath(origin, file.id()),
        optionalPath(origin, file.value()),
        optionalPath(origin, file.currency()),
        file.source() == null || file.source().isBlank() ? "unknown" : file.source().strip(),
        file.missing() != null ? file.missing() : LeadMapping.DEFAULT_MISSING);
  }

  /** The outcome a CRM's word means; empty for a word the mapping does not list. */
  public Optional<OutcomeType> outcome(String word) {
    return Optional.ofNullable(outcomes.get(word.strip().toLowerCase(Locale.ROOT)));
  }

  /** Whether a value spells "no value". */
  public boolean isMissing(String value) {
    return value == null || missing.contains(value.strip().toLowerCase(Locale.ROOT));
  }

  /** The words the mapping lists, for messages. */
  public String words() {
    return String.join(", ", outcomes.keySet().stream().sorted().toList());
  }

  private static OutcomeType type(String origin, String word, String meaning) {
    String name = meaning == null ? "" : meaning.strip().toUpperCase(Locale.ROOT);
    return LABELLED.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new MappingException(
                    origin
                        + ": outcome.values."
                        + word
                        + " '"
                        + meaning
                        + "' is not one of "
                        + LABELLED));
  }

  private static TimeMapping time(String origin, MappingFile.Time written) {
    String path = path(origin, required(origin, written.column(), "time.column", "the time path"));
    ZoneId zone = ZoneOffset.UTC;
    if (written.zone() != null) {
      try {
        zone = ZoneId.of(written.zone());
      } catch (DateTimeException e) {
        throw new MappingException(
            origin + ": time.zone '" + written.zone() + "' is not a time zone such as UTC");
      }
    }
    try {
      return new TimeMapping(path, written.format(), zone);
    } catch (IllegalArgumentException e) {
      throw new MappingException(
          origin
              + ": time.format '"
              + written.format()
              + "' is not a date pattern: "
              + e.getMessage());
    }
  }

  private static String optionalPath(String origin, String written) {
    return written == null ? null : path(origin, written);
  }

  private static String path(String origin, String written) {
    String path = written.strip();
    if (path.isEmpty()) {
      throw new MappingException(origin + ": a key names no path");
    }
    return path;
  }

  private static <T> T required(String origin, T value, String key, String what) {
    if (value == null) {
      throw new MappingException(origin + ": " + key + " is required: " + what);
    }
    return value;
  }
}
