package io.leadstream.models.bundle;

import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.util.List;

/**
 * The {@link LeadScorer} of a {@link ModelBundle}: one thread's {@link TextReader} (encoder + head,
 * or zero-shot) and {@link ScoreModel} (XGBoost, or text only), both owned and closed here.
 */
final class BundleScorer implements LeadScorer {

  private final String version;
  private final TextReader text;
  private final ScoreModel scoring;
  private final StageTimer timer;

  BundleScorer(String version, TextReader text, ScoreModel scoring, StageTimer timer) {
    this.version = version;
    this.text = text;
    this.scoring = scoring;
    this.timer = timer;
  }

  @Override
  public TextSignal readText(String text) {
    return readTexts(List.of(text == null ? "" : text)).get(0);
  }

  @Override
  public List<TextSignal> readTexts(List<String> texts) {
    return text.read(texts);
  }

  @Override
  public boolean readsEachTextAlone() {
    return text.readsEachTextAlone();
  }

  @Override
  public LeadScore score(LeadEvent event, TextSignal text) {
    long started = System.nanoTime();
    LeadScore result = scoring.score(event, text);
    timer.record(StageTimer.SCORE, System.nanoTime() - started);
    return result;
  }

  @Override
  public String bundleVersion() {
    return version;
  }

  @Override
  public void close() {
    try {
      text.close();
    } finally {
      scoring.close();
    }
  }
}
