package io.leadstream.app.cli;

import io.leadstream.app.dlq.DeadLetterFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Which dead letters a {@code dlq} command works on; shared by {@code dlq list} and {@code dlq
 * replay}.
 */
public class DeadLetterFilterOptions {

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      split = ",",
      description =
          "Only dead letters of this reason (the leadstream.dlq.reason header, e.g. INVALID_FIELD). "
              + "Repeatable, or comma-separated; any of them matches.")
  Set<String> reasons = new LinkedHashSet<>();

  @Option(
      names = "--since",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Only dead letters rejected at or after this ISO-8601 instant, e.g. 2026-11-28T09:00:00Z, "
              + "or date (its midnight UTC). Compared with the leadstream.dlq.failed.at header, or the record "
              + "timestamp when it has none.")
  Instant since;

  @Option(
      names = "--until",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description = "Only dead letters rejected before this ISO-8601 instant or date (exclusive).")
  Instant until;

  @Option(
      names = "--source-partition",
      paramLabel = "P",
      description = "Only dead letters of records read from this partition of the source topic.")
  Integer sourcePartition;

  @Option(
      names = "--from-offset",
      paramLabel = "X",
      description = "With --source-partition: only source offsets from X (inclusive).")
  Long fromOffset;

  @Option(
      names = "--to-offset",
      paramLabel = "Y",
      description = "With --source-partition: only source offsets up to Y (inclusive).")
  Long toOffset;

  /** The filter these options describe; an empty one chooses every dead letter. */
  public DeadLetterFilter toFilter() {
    return new DeadLetterFilter(reasons, since, until, sourcePartition, fromOffset, toOffset);
  }

  /** An ISO-8601 instant, or a date meaning its midnight UTC. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return value.contains("T")
            ? Instant.parse(value)
            : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'"
                + value
                + "' is not an ISO-8601 instant such as 2026-11-28T09:00:00Z "
                + "or a date such as 2026-11-28");
      }
    }
  }
}
