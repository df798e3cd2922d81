package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.state.LeadTextMemo;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.SingleObjectSerde;

/**
 * The serdes of LeadStream's records (the public ones of {@link LeadStreamSerdes}) and state-store
 * values.
 */
public final class LeadSerdes {

  private LeadSerdes() {}

  public static SingleObjectSerde<LeadEvent> leadEvent() {
    return LeadStreamSerdes.leadEvent();
  }

  public static SingleObjectSerde<PrioritizedLead> prioritizedLead() {
    return LeadStreamSerdes.prioritizedLead();
  }

  public static SingleObjectSerde<LeadTextMemo> textMemo() {
    return new SingleObjectSerde<>(LeadTextMemo.getEncoder(), LeadTextMemo.getDecoder());
  }

  public static SingleObjectSerde<LeadTrack> track() {
    return new SingleObjectSerde<>(LeadTrack.getEncoder(), LeadTrack.getDecoder());
  }
}
