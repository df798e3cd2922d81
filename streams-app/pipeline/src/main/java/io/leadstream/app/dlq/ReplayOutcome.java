package io.leadstream.app.dlq;

/**
 * What a replay did with one chosen dead letter.
 *
 * @param why for {@link Kind#NOT_REPLAYABLE}: why not; otherwise null
 */
public record ReplayOutcome(DeadLetter deadLetter, Kind kind, String why) {

  /** The three fates of a chosen dead letter. */
  public enum Kind {
    /** Handed to the replay transaction (in a dry run: would be). */
    REPLAYED,
    /** The ledger says it was replayed before; skipped. */
    ALREADY_REPLAYED,
    /** Its value was omitted and the source record is gone. */
    NOT_REPLAYABLE
  }
}
