package io.leadstream.app.ops;

/**
 * How far a consumer group is behind on one partition.
 *
 * @param committed the group's committed offset (the next record it will process); -1 when it has
 *     committed none
 * @param logEnd the partition's log-end offset
 * @param lag records not yet processed
 * @param timeLagMs age of the oldest unprocessed record (now minus its timestamp); 0 when none
 */
public record PartitionLag(
    String topic, int partition, long committed, long logEnd, long lag, long timeLagMs) {}
