package io.leadstream.tools.retrain;

import io.leadstream.app.config.LeadStreamConfig;
import io.leadstream.app.evaluation.Cards;
import io.leadstream.app.evaluation.LabelledSnapshot;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.Interval;
import io.leadstream.models.training.BundleTrainer;
import io.leadstream.models.training.TrainingProgress;
import io.leadstream.models.training.TrainingRefusedException;
import io.leadstream.models.training.TrainingSet;
import io.leadstream.models.training.TrainingSummary;
import io.leadstream.schema.LabelledLead;
import io.leadstream.tools.retrain.RetrainResult.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Retrains the bundle in a folder from the outcomes on {@code leads.labelled} and promotes the
 * candidate only past a gate:
 *
 * <ol>
 *   <li>The latest labelled record of each lead with {@code asOf} becomes a training lead: its
 *       event as it was a horizon before the outcome, converted when labelled 1 ({@link
 *       OutcomeSplit}).
 *   <li>The leads whose outcome falls in the comparison window (the most recent outcomes) are set
 *       apart; the rest train a candidate as the current bundle reads leads ({@link
 *       RetrainRecipe}), written to {@code <bundle>.candidate} with a model card saying what it was
 *       trained on.
 *   <li>Both bundles score the window from their folders, as the pipeline does ({@link
 *       WindowComparison}); the {@link PromotionGate} decides, and the decision is added to the
 *       candidate's card.
 *   <li>A promoted candidate moves into the bundle folder, the replaced version into the history
 *       ({@link BundleHistory}); the pipeline's reloader picks it up by its new version.
 * </ol>
 *
 * A candidate whose version is the current one's (the same leads trained the same scorer) is never
 * promoted: the pipeline would not reload it.
 */
public final class Retrainer {

  private final RetrainSettings settings;
  private final TrainingProgress progress;

  public Retrainer(RetrainSettings settings, TrainingProgress progress) {
    this.settings = settings;
    this.progress = progress == null ? TrainingProgress.NONE : progress;
  }

  /** Reads the labelled topic of {@code config} and retrains from it. */
  public RetrainResult retrain(LeadStreamConfig config) {
    LabelledSnapshot snapshot = LabelledSnapshot.read(config);
    return retrain(snapshot.leads(), origin(config));
  }

  /**
   * Where {@link #retrain(LeadStreamConfig)} reads from: {@code <topic> on <bootstrap servers>}.
   */
  public static String origin(LeadStreamConfig config) {
    Object bootstrap = config.clientProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    return config.labelledTopic() + " on " + bootstrap;
  }

  /**
   * Retrains from the latest labelled record of each lead.
   *
   * @param origin where the records come from, for the model card (e.g. {@code leads.labelled on
   *     kafka:9092})
   * @throws io.leadstream.models.BundleException when the bundle folder holds no readable bundle
   * @throws IllegalStateException when another run changes the folder ({@link BundleLock})
   */
  public RetrainResult retrain(Collection<LabelledLead> records, String origin) {
    return BundleLock.holding(settings.bundle(), () -> retrainLocked(records, origin));
  }

  private RetrainResult retrainLocked(Collection<LabelledLead> records, String origin) {
    Path bundle = settings.bundle();
    BundleManifest current = Cards.read(bundle.toString());
    OutcomeSplit split =
        OutcomeSplit.of(records, settings.window(), settings.until(), settings.trainingWindow());
    try {
      split.requireUsable();
    } catch (TrainingRefusedException e) {
      return RetrainResult.refused(e.getMessage(), split, current.version());
    }
    String name = BundleTrainer.bundleName(bundle);
    Path candidate = bundle.toAbsolutePath().resolveSibling(name + ".candidate");
    RetrainRecipe recipe = RetrainRecipe.of(bundle, name, current);
    TrainingSummary summary;
    try {
      summary =
          new BundleTrainer(recipe.config(), progress)
              .train(trainingSet(split, recipe, origin), candidate);
    } catch (TrainingRefusedException e) {
      return RetrainResult.refused(e.getMessage(), split, current.version());
    }
    WindowComparison comparison =
        WindowComparison.of(
            bundle, candidate, split.comparison().stream().map(OutcomeLead::labelled).toList());
    PromotionGate.Verdict verdict =
        summary.version().equals(current.version())
            ? new PromotionGate.Verdict(
                false,
                "the candidate has the current bundle's version "
                    + current.version()
                    + " (the same leads trained the same scorer): not promoted")
            : settings.gate().judge(comparison.candidate().auc(), comparison.current().auc());
    CardDecision.append(candidate, decision(origin, current.version(), split, comparison, verdict));
    if (!verdict.promote()) {
      return new RetrainResult(
          Outcome.NOT_PROMOTED,
          verdict.reason(),
          split,
          current.version(),
          candidate,
          summary,
          comparison);
    }
    new BundleHistory(bundle).promote(candidate, settings.keep());
    return new RetrainResult(
        Outcome.PROMOTED, verdict.reason(), split, current.version(), bundle, summary, comparison);
  }

  /** The leads before the window, timed by their events, with notes on what they are. */
  private TrainingSet trainingSet(OutcomeSplit split, RetrainRecipe recipe, String origin) {
    List<OutcomeLead> training = split.training();
    Instant[] times =
        training.stream().map(lead -> lead.event().getOccurredAt()).toArray(Instant[]::new);
    List<String> notes = new ArrayList<>();
    notes.add(
        f(
            "%,d labelled leads whose outcome occurred from %s to %s, base rate %.3f; each as the"
                + " pipeline knew it a horizon before its outcome",
            training.size(),
            training.get(0).outcomeAt(),
            training.get(training.size() - 1).outcomeAt(),
            (double) OutcomeSplit.converted(training) / training.size()));
    notes.add(
        f(
            "comparison window: the %,d leads (%,d converted) whose outcome occurred after %s until"
                + " %s, never trained on",
            split.comparison().size(),
            OutcomeSplit.converted(split.comparison()),
            split.from(),
            split.until()));
    if (split.unmatched() > 0) {
      notes.add(f("%,d outcomes of leads without a known event were skipped", split.unmatched()));
    }
    if (split.afterUntil() > 0) {
      notes.add(f("%,d outcomes after %s were left out", split.afterUntil(), split.until()));
    }
    if (split.beforeTraining() > 0) {
      notes.add(
          f(
              "%,d outcomes before the training window (%s) were left out",
              split.beforeTraining(), settings.trainingWindow()));
    }
    notes.add("features: " + recipe.basis());
    return new TrainingSet(
        training.stream().map(OutcomeLead::labelled).toList(),
        times,
        recipe.features(),
        origin,
        null,
        recipe.segmentSource(),
        null,
        notes,
        null);
  }

  private static String decision(
      String origin,
      String currentVersion,
      OutcomeSplit split,
      WindowComparison comparison,
      PromotionGate.Verdict verdict) {
    String current =
        comparison.currentProblem() != null
            ? "the current one cannot be scored (" + comparison.currentProblem() + ")"
            : f(
                "the current one (`%s`) %.4f (%s)",
                currentVersion,
                comparison.current().auc(),
                interval(comparison.current().interval()));
    return f(
        "Retrained from `%s`. On the %,d leads (%,d converted) of the comparison window, outcomes"
            + " after %s until %s, both bundles scored from their folders as the pipeline scores"
            + " them: this bundle has AUC %.4f (%s), %s%s. %s.",
        origin,
        comparison.leads(),
        comparison.converted(),
        split.from(),
        split.until(),
        comparison.candidate().auc(),
        interval(comparison.candidate().interval()),
        current,
        comparison.identical() ? "; they give every lead the same probability" : "",
        capitalize(verdict.reason()));
  }

  /** A 95 % interval in words. */
  static String interval(Interval interval) {
    return interval == null
        ? "no interval"
        : f("95 %% interval %.3f-%.3f", interval.low(), interval.high());
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
