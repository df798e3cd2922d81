package io.leadstream.models.bundle;

/**
 * The shared half of how a bundle reads lead text into p(opportunity): models loaded once per
 * bundle, thread-safe. Each {@link LeadScorer} opens its own {@link TextReader}.
 */
interface TextModel extends AutoCloseable {

  /** Opens this model for one thread; the reader must be closed before this model. */
  TextReader newReader(StageTimer timer);

  /** p(opportunity) of a lead whose text is blank or unreadable. */
  double prior();

  @Override
  void close();
}
