package io.leadstream.app.dlq;

import java.util.Map;

/**
 * What one replay did.
 *
 * @param read dead letters read from the dead-letter topic
 * @param chosen those the filter chose: {@code sent + alreadyReplayed + notReplayable}
 * @param sent replays committed (in a dry run: that would have been sent)
 * @param alreadyReplayed chosen ones the ledger already held, not sent again
 * @param notReplayable chosen ones whose value was omitted and whose source record is gone
 * @param chosenByReason chosen dead letters per reason, sorted by reason
 */
public record ReplayCounts(
    long read,
    long chosen,
    long sent,
    long alreadyReplayed,
    long notReplayable,
    Map<String, Long> chosenByReason) {}
