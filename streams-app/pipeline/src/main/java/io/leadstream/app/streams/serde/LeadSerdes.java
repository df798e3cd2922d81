package io.leadstream.app.streams.serde;

import io.leadstream.app.streams.state.LeadTextMemo;
import io.leadstream.app.streams.state.LeadTrack;
import io.leadstream.schema.kafka.LeadStreamSerdes;
import io.leadstream.schema.kafka.SingleObjectSerde;

/** The serdes of the state stores' values; the topics' records have {@link LeadStreamSerdes}. */
public final class LeadSerdes {

  private LeadSerdes() {}

  public static SingleObjectSerde<LeadTextMemo> textMemo() {
    return new SingleObjectSerde<>(LeadTextMemo.getEncoder(), LeadTextMemo.getDecoder());
  }

  public static SingleObjectSerde<LeadTrack> track() {
    return new SingleObjectSerde<>(LeadTrack.getEncoder(), LeadTrack.getDecoder());
  }
}
