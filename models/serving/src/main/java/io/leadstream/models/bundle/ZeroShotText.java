package io.leadstream.models.bundle;

import io.leadstream.models.inference.ZeroShotOpportunity;

/** Text read zero-shot by a Flan-T5-style encoder-decoder ({@link ZeroShotOpportunity}). */
final class ZeroShotText implements TextModel {

  private final ZeroShotOpportunity zeroShot;

  ZeroShotText(ZeroShotOpportunity zeroShot) {
    this.zeroShot = zeroShot;
  }

  @Override
  public TextReader newReader(StageTimer timer) {
    return new ZeroShotTextReader(zeroShot.newPredictor(), prior(), timer);
  }

  /** The spec's configured prior, {@code 0.5} when it names none. */
  @Override
  public double prior() {
    return zeroShot.spec().prior();
  }

  @Override
  public void close() {
    zeroShot.close();
  }
}
