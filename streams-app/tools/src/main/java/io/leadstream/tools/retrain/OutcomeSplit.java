package io.leadstream.tools.retrain;

import io.leadstream.models.training.TrainingGuards;
import io.leadstream.models.training.TrainingRefusedException;
import io.leadstream.schema.LabelledLead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The labelled leads split by outcome time: those whose outcome occurred in the comparison window
 * {@code (from, until]} judge the candidate against the current bundle and are never trained on;
 * those at or before {@code from} train. Records without {@code asOf} (no event of the lead was
 * known before the cutoff) have no features and are counted apart, as are outcomes after {@code
 * until}.
 *
 * @param training leads whose outcome occurred at or before {@code from}, in outcome order
 * @param comparison leads whose outcome occurred in the window, in outcome order
 * @param unmatched records without {@code asOf}, skipped
 * @param afterUntil records with {@code asOf} whose outcome occurred after {@code until}, skipped
 * @param beforeTraining records with {@code asOf} whose outcome occurred before the training
 *     window, skipped; 0 without one
 * @param from start of the window, exclusive; null when no record has {@code asOf}
 * @param until end of the window, inclusive: the given instant, else the newest outcome; null when
 *     no record has {@code asOf}
 */
public record OutcomeSplit(
    List<OutcomeLead> training,
    List<OutcomeLead> comparison,
    int unmatched,
    int afterUntil,
    int beforeTraining,
    Instant from,
    Instant until) {

  /** Fewest converted (and fewest not converted) leads the comparison window must hold. */
  public static final int MIN_WINDOW_PER_CLASS = 20;

  public OutcomeSplit {
    training = List.copyOf(training);
    comparison = List.copyOf(comparison);
  }

  /**
   * Splits the latest record of each lead ({@code LabelledSnapshot.leads()}).
   *
   * @param window length of the comparison window, positive
   * @param until end of the window, or null for the newest outcome among the records with {@code
   *     asOf}
   */
  public static OutcomeSplit of(Collection<LabelledLead> records, Duration window, Instant until) {
    return of(records, window, until, null);
  }

  /**
   * Splits as {@link #of(Collection, Duration, Instant)}, training only on the outcomes of the
   * {@code trainingWindow} before the comparison window (all earlier ones when null): after the
   * market changed, the outcomes of before mislead.
   */
  public static OutcomeSplit of(
      Collection<LabelledLead> records, Duration window, Instant until, Duration trainingWindow) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the comparison window must be positive: " + window);
    }
    List<OutcomeLead> matched = new ArrayList<>();
    int unmatched = 0;
    for (LabelledLead record : records) {
      if (record.getAsOf() == null) {
        unmatched++;
      } else {
        matched.add(
            new OutcomeLead(
                record.getAsOf().getEvent(), record.getLabel() == 1, record.getOutcomeAt()));
      }
    }
    matched.sort(Comparator.comparing(OutcomeLead::outcomeAt));
    Instant end =
        until != null || matched.isEmpty() ? until : matched.get(matched.size() - 1).outcomeAt();
    if (end == null) {
      return new OutcomeSplit(List.of(), List.of(), unmatched, 0, 0, null, null);
    }
    Instant from = end.minus(window);
    Instant trainedFrom = trainingWindow == null ? null : from.minus(trainingWindow);
    List<OutcomeLead> training = new ArrayList<>();
    List<OutcomeLead> comparison = new ArrayList<>();
    int after = 0;
    int before = 0;
    for (OutcomeLead lead : matched) {
      if (lead.outcomeAt().isAfter(end)) {
        after++;
      } else if (lead.outcomeAt().isAfter(from)) {
        comparison.add(lead);
      } else if (trainedFrom == null || lead.outcomeAt().isAfter(trainedFrom)) {
        training.add(lead);
      } else {
        before++;
      }
    }
    return new OutcomeSplit(training, comparison, unmatched, after, before, from, end);
  }

  /**
   * @throws TrainingRefusedException when the training part has fewer than {@link
   *     TrainingGuards#MIN_PER_CLASS} leads of a class, or the window fewer than {@link
   *     #MIN_WINDOW_PER_CLASS}, naming the part, its time range and what to change
   */
  public void requireUsable() {
    if (until == null) {
      throw new TrainingRefusedException(
          "no labelled lead has features (asOf): "
              + unmatched
              + " outcomes were read, none of a lead the pipeline had scored before the horizon");
    }
    requireBothClasses(
        "the leads whose outcome occurred at or before " + from + " (what trains)",
        training,
        TrainingGuards.MIN_PER_CLASS,
        "wait for more outcomes, shorten --window or lengthen --train-window");
    requireBothClasses(
        "the comparison window (outcomes after " + from + " until " + until + ")",
        comparison,
        MIN_WINDOW_PER_CLASS,
        "lengthen --window");
  }

  /** Converted leads among {@code leads}. */
  public static int converted(List<OutcomeLead> leads) {
    return (int) leads.stream().filter(OutcomeLead::converted).count();
  }

  private static void requireBothClasses(
      String part, List<OutcomeLead> leads, int fewest, String remedy) {
    int converted = converted(leads);
    int notConverted = leads.size() - converted;
    if (converted < fewest || notConverted < fewest) {
      throw new TrainingRefusedException(
          String.format(
              Locale.ROOT,
              "%s: %,d leads, %,d converted and %,d not; at least %d of each are needed: %s",
              part,
              leads.size(),
              converted,
              notConverted,
              fewest,
              remedy));
    }
  }
}
