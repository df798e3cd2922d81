package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TextSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Replaces the bundle in a folder with a newly trained one only when the new one ranks the new
 * hold-out better than the current one does (or when forced). Both are judged on the same leads by
 * AUC, and scored the same way: loaded from their folders and run as the pipeline runs them (text
 * read, fields extracted, scored, calibrated), so identical bundles compare equal. The current
 * bundle may have been trained on some of these leads, which favours it: a candidate that still
 * wins is better.
 */
public final class BundlePromotion {

  private BundlePromotion() {}

  /**
   * @param promote whether the candidate should replace the current bundle
   * @param currentAuc the current bundle's AUC on the candidate's hold-out (NaN when none)
   * @param candidateAuc the candidate's AUC on its hold-out, scored from its folder
   * @param reason the decision in words
   */
  public record Decision(boolean promote, double currentAuc, double candidateAuc, String reason) {}

  /** True when {@code folder} holds a bundle manifest. */
  public static boolean holdsBundle(Path folder) {
    return Files.isRegularFile(folder.resolve(BundleManifest.FILE_NAME));
  }

  /**
   * Compares the bundle in {@code current} with the candidate in {@code candidate.folder()} on the
   * candidate's hold-out leads, both scored through {@link ModelBundle}.
   *
   * @throws io.leadstream.models.BundleException when the candidate's own folder cannot be loaded
   */
  public static Decision decide(Path current, TrainingSummary candidate, boolean force) {
    List<LabelledLead> leads = candidate.holdOutLeads();
    boolean[] labels = new boolean[leads.size()];
    for (int k = 0; k < labels.length; k++) {
      labels[k] = leads.get(k).converted();
    }
    double[] candidateP = probabilities(candidate.folder(), leads);
    double candidateAuc = ClassificationMetrics.auc(candidateP, labels);
    double[] currentP;
    try {
      currentP = probabilities(current, leads);
    } catch (RuntimeException e) {
      return new Decision(
          true,
          Double.NaN,
          candidateAuc,
          "the current bundle in "
              + current
              + " cannot be scored ("
              + e.getMessage()
              + "): replacing it");
    }
    double currentAuc = ClassificationMetrics.auc(currentP, labels);
    String comparison =
        String.format(
            Locale.ROOT,
            "on the same %,d hold-out leads, both scored as the pipeline scores them, the new bundle"
                + " has AUC %.4f, the current one %.4f",
            leads.size(),
            candidateAuc,
            currentAuc);
    if (Arrays.equals(candidateP, currentP)) {
      comparison += " (they give every lead the same probability)";
    }
    if (candidateAuc > currentAuc) {
      return new Decision(true, currentAuc, candidateAuc, comparison + ": promoted");
    }
    if (force) {
      return new Decision(true, currentAuc, candidateAuc, comparison + ": promoted (--force)");
    }
    return new Decision(
        false,
        currentAuc,
        candidateAuc,
        comparison + ": not promoted (use --force to replace it anyway)");
  }

  /**
   * Moves the candidate folder into the target's place; the previous bundle is deleted once the new
   * one is in place.
   */
  public static void promote(Path candidate, Path target) {
    Path previous = target.resolveSibling(target.getFileName() + ".previous");
    deleteRecursively(previous);
    promote(candidate, target, previous);
    deleteRecursively(previous);
  }

  /**
   * Moves the candidate folder into the target's place and the folder it replaces (if any) to
   * {@code replaced}, which must not exist yet; its parent is created. With {@code replaced} null,
   * the target must not exist. Each step is one atomic rename, so all three folders must lie on one
   * file system. When the candidate cannot be moved, the replaced folder is moved back.
   */
  public static void promote(Path candidate, Path target, Path replaced) {
    try {
      if (replaced != null && Files.exists(target)) {
        Files.createDirectories(replaced.toAbsolutePath().getParent());
        Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
      }
      try {
        Files.move(candidate, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (replaced != null && Files.exists(replaced)) {
          Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + candidate + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * The probability the bundle in {@code folder} gives each lead, scored as the pipeline scores it:
   * loaded from the folder (hashes verified), texts read in the encoder's batches, fields
   * extracted, scored and calibrated.
   *
   * @throws io.leadstream.models.BundleException when the folder's bundle cannot be loaded
   */
  public static double[] probabilities(Path folder, List<LabelledLead> leads) {
    double[] p = new double[leads.size()];
    try (ModelBundle bundle = ModelBundle.load(folder);
        LeadScorer scorer = bundle.newScorer()) {
      // the encoder runs the texts in batches of its own
      List<TextSignal> texts =
          scorer.readTexts(leads.stream().map(l -> LeadText.of(l.event())).toList());
      for (int k = 0; k < leads.size(); k++) {
        p[k] = scorer.score(leads.get(k).event(), texts.get(k)).probability();
      }
    }
    return p;
  }

  /**
   * Deletes a folder and everything in it; nothing when it does not exist.
   *
   * @throws UncheckedIOException naming the folder when it cannot be deleted
   */
  public static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder + ": " + e.getMessage(), e);
    }
  }
}
