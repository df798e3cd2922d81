package io.leadstream.app.dlq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which dead letters to choose. Every criterion given must hold; an empty filter chooses all.
 *
 * @param reasons reason names (any case); empty for every reason
 * @param since earliest {@link DeadLetter#time()}, inclusive; null for no bound
 * @param until latest {@link DeadLetter#time()}, exclusive; null for no bound
 * @param sourcePartition partition of the source topic the rejected record was read from; null for
 *     any
 * @param fromOffset lowest source offset, inclusive; null for no bound; needs {@code
 *     sourcePartition}
 * @param toOffset highest source offset, inclusive; null for no bound; needs {@code
 *     sourcePartition}
 */
public record DeadLetterFilter(
    Set<String> reasons,
    Instant since,
    Instant until,
    Integer sourcePartition,
    Long fromOffset,
    Long toOffset)
    implements Predicate<DeadLetter> {

  /** Chooses every dead letter. */
  public static final DeadLetterFilter ALL =
      new DeadLetterFilter(Set.of(), null, null, null, null, null);

  /**
   * @throws IllegalArgumentException when the bounds contradict each other, or offsets are given
   *     without a source partition (offsets mean nothing across partitions)
   */
  public DeadLetterFilter {
    reasons =
        reasons.stream()
            .map(r -> r.trim().toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
    }
    if ((fromOffset != null || toOffset != null) && sourcePartition == null) {
      throw new IllegalArgumentException(
          "--from-offset and --to-offset need --source-partition: offsets are per partition");
    }
    if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
      throw new IllegalArgumentException(
          "--from-offset " + fromOffset + " is above --to-offset " + toOffset);
    }
  }

  @Override
  public boolean test(DeadLetter deadLetter) {
    if (!reasons.isEmpty()
        && (deadLetter.reason() == null
            || !reasons.contains(deadLetter.reason().toUpperCase(Locale.ROOT)))) {
      return false;
    }
    Instant time = deadLetter.time();
    if ((since != null && time.isBefore(since)) || (until != null && !time.isBefore(until))) {
      return false;
    }
    if (sourcePartition == null) {
      return true;
    }
    RecordPosition source = deadLetter.source();
    return source != null
        && source.partition() == sourcePartition
        && (fromOffset == null || source.offset() >= fromOffset)
        && (toOffset == null || source.offset() <= toOffset);
  }

  /** The criteria in words, for the command's output: "reason NOT_AVRO, since ...", or "all". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!reasons.isEmpty()) {
      parts.add("reason " + String.join(" or ", reasons.stream().sorted().toList()));
    }
    if (since != null) {
      parts.add("since " + since);
    }
    if (until != null) {
      parts.add("until " + until);
    }
    if (sourcePartition != null) {
      String offsets =
          fromOffset == null && toOffset == null
              ? ""
              : " offsets "
                  + (fromOffset == null ? "" : fromOffset)
                  + ".."
                  + (toOffset == null ? "" : toOffset);
      parts.add("source partition " + sourcePartition + offsets);
    }
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }
}
