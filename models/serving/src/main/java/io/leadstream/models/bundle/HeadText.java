package io.leadstream.models.bundle;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.scoring.OpportunityHead;

/** Text read by a trained logistic {@link OpportunityHead} on an encoder's embeddings. */
final class HeadText implements TextModel {

  private final EncoderModel encoder;
  private final OpportunityHead head;

  HeadText(EncoderModel encoder, OpportunityHead head) {
    this.encoder = encoder;
    this.head = head;
  }

  @Override
  public TextReader newReader(StageTimer timer) {
    return new HeadTextReader(encoder.newEncoder(), head, timer);
  }

  /** The head's prior: the base rate of its training data. */
  @Override
  public double prior() {
    return head.prior();
  }

  @Override
  public void close() {
    encoder.close();
  }
}
