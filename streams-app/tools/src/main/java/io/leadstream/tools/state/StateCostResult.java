package io.leadstream.tools.state;

import java.util.List;

/**
 * What the pipeline's state cost for a number of leads.
 *
 * @param restoreSeconds from the app's start to the last changelog partition restored (the model
 *     bundle loads meanwhile)
 * @param heapMiB the JVM's heap in use after the restore, after a GC hint (the whole JVM: the app
 *     with its model bundle)
 * @param afterKill the restart after a kill -9 of the running pipeline on this state
 */
public record StateCostResult(
    int leads,
    long events,
    List<StoreCost> stores,
    double restoreSeconds,
    long heapMiB,
    AfterKill afterKill) {

  /**
   * The restart after a kill -9 of the pipeline running on the state ({@link KillRecovery}).
   *
   * @param liveEvents events the pipeline scored between its start and the kill
   * @param trackRestored records restored into the track store after the kill
   * @param historyRestored records restored into the history store after the kill
   * @param readySeconds from the start after the kill until Streams runs, its stores restored
   */
  public record AfterKill(
      int liveEvents, long trackRestored, long historyRestored, double readySeconds) {}

  /**
   * One store.
   *
   * @param logged whether it has a changelog (the text memo is an in-memory cache without one)
   * @param changelogRecords records in its changelog
   * @param changelogBytes its changelog's bytes in the broker's log folders
   * @param diskBytes its RocksDB files after the restore (0 for in-memory stores)
   * @param restoredRecords records restored from its changelog
   * @param restoreSeconds from its first partition's restore start to its last one's end
   */
  public record StoreCost(
      String store,
      boolean logged,
      long changelogRecords,
      long changelogBytes,
      long diskBytes,
      long restoredRecords,
      double restoreSeconds) {}

  /** The store's figures. */
  public StoreCost store(String name) {
    return stores.stream()
        .filter(store -> store.store().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no store " + name + " was measured"));
  }
}
