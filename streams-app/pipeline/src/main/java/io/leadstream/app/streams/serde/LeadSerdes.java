package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.state.LeadTextMemo;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.schema.LeadEvent;
import io.leadstream.schema.PrioritizedLead;

/** The serdes of LeadStream's records and state-store values. */
public final class LeadSerdes {

  private LeadSerdes() {}

  public static SingleObjectSerde<LeadEvent> leadEvent() {
    return new SingleObjectSerde<>(LeadEvent.getEncoder(), LeadEvent.getDecoder());
  }

  public static SingleObjectSerde<PrioritizedLead> prioritizedLead() {
    return new SingleObjectSerde<>(PrioritizedLead.getEncoder(), PrioritizedLead.getDecoder());
  }

  public static SingleObjectSerde<LeadTextMemo> textMemo() {
    return new SingleObjectSerde<>(LeadTextMemo.getEncoder(), LeadTextMemo.getDecoder());
  }

  public static SingleObjectSerde<LeadTrack> track() {
    return new SingleObjectSerde<>(LeadTrack.getEncoder(), LeadTrack.getDecoder());
  }
}
