package io.leadstream.tools.bench;

import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import java.util.List;

/**
 * The soak's events, one chunk at a time so that a long run never holds more than a chunk: each
 * chunk is a {@link SampleFeed} of its own seed: new leads; follow-ups of them (about a third with
 * a new note or message, so the text is read again, the rest field updates only, so the text memo
 * answers); a few invalid events. Lead ids are made distinct across chunks, so the track and
 * history stores grow with the run. Deterministic per seed and chunk index.
 */
public final class SoakFeed {

  /** Share of a chunk's events that are follow-ups of its earlier leads. */
  static final double FOLLOW_UP_SHARE = 0.3;

  /** One event in this many is invalid and dead-lettered (rounded per chunk). */
  static final int INVALID_ONE_IN = 500;

  private SoakFeed() {}

  /**
   * @param index the chunk's position in the run, from 0; it derives the chunk's seed and the
   *     prefix of its lead ids
   * @param size events in the chunk, at least 1
   */
  public static List<LeadEvent> chunk(long seed, int index, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("A chunk needs at least one event, not " + size);
    }
    int followUps = (int) (size * FOLLOW_UP_SHARE);
    int invalid = (size + INVALID_ONE_IN / 2) / INVALID_ONE_IN;
    int leads = size - followUps - invalid;
    List<LeadEvent> events = SampleFeed.generate(seed + index, leads, followUps, invalid);
    String prefix = String.format("soak%05d-", index);
    for (LeadEvent event : events) {
      // the invalid event without a lead id keeps it empty
      if (!event.getLeadId().isEmpty()) {
        event.setLeadId(prefix + event.getLeadId());
      }
      if (event.getEventId().startsWith("invalid-")) {
        event.setEventId(prefix + event.getEventId());
      }
    }
    return events;
  }
}
