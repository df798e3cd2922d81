package io.leadstream.app.streams.processors;

import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a lead's text is not readable by the bundle's encoder (e.g. Chinese text for an
 * English vocabulary), at most once a minute with the count since the last warning, so a feed in
 * another language is noticed without flooding the log. Names the event, never the text.
 */
final class UnreadableTextWarning {

  private static final Logger LOG = LoggerFactory.getLogger(UnreadableTextWarning.class);
  private static final long INTERVAL_NANOS = 60_000_000_000L;

  private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);
  private final AtomicLong suppressed = new AtomicLong();

  void warn(LeadEvent event, TextSignal signal, String bundleVersion) {
    long now = System.nanoTime();
    long last = lastWarned.get();
    if (now - last < INTERVAL_NANOS || !lastWarned.compareAndSet(last, now)) {
      suppressed.incrementAndGet();
      return;
    }
    LOG.warn(
        "Text of event {} not read: {}% of its tokens are unknown to the encoder of bundle {}"
            + " (limit {}%); p(opportunity) is the prior. {} more such texts since the last"
            + " warning. A bundle whose encoder covers the text's language reads it.",
        event.getEventId(),
        Math.round(100 * signal.unknownTokenRatio()),
        bundleVersion,
        Math.round(100 * TextSignal.MAX_UNKNOWN_RATIO),
        suppressed.getAndSet(0));
  }
}
