package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.Objective;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.ModelFile;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.scoring.Calibration;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.OpportunityHead;
import io.leadstream.models.scoring.XgbScorer;
import io.leadstream.models.training.report.ModelCardPlots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a trained bundle: head, scorers, plots, model card and, last, the manifest with every
 * file's SHA-256. Files of a bundle previously in the folder that this one does not write are
 * removed, so the folder holds exactly one bundle.
 */
final class BundleWriter {

  static final String PLOTS = "plots/";

  private final TrainingConfig config;
  private final FeatureSpec spec;
  private final Path out;
  private final TrainingProgress progress;
  private List<ReasonExamples.Example> examples = List.of();

  BundleWriter(TrainingConfig config, FeatureSpec spec, Path out, TrainingProgress progress) {
    this.config = config;
    this.spec = spec;
    this.out = out;
    this.progress = progress;
  }

  BundleManifest write(
      OpportunityHead head,
      XgbScorer scorer,
      List<SegmentTrainer.Segment> segments,
      String segmentSource,
      Calibration calibration,
      Objective objective,
      TierChooser.ChosenTiers tiers,
      BundleManifest.TrainingData data,
      HoldOutReport report,
      List<String> warnings,
      List<LabelledLead> holdOutLeads,
      DriftReference driftReference) {
    progress.update("write", 0, 1);
    try {
      Files.createDirectories(out);
      removePreviousBundle();
      Map<String, String> hashes = new LinkedHashMap<>();
      byte[] scorerModel = scorer.toUbj();
      put(hashes, BundleTrainer.HEAD_FILE, head.toJson());
      put(hashes, BundleTrainer.SCORER_FILE, scorerModel);
      Map<String, String> segmentFiles = new LinkedHashMap<>();
      for (SegmentTrainer.Segment segment : segments) {
        if (segment.scorer() != null) {
          String file = "segments/" + fileName(segment.value()) + ".ubj";
          put(hashes, file, segment.scorer().toUbj());
          segmentFiles.put(segment.value(), file);
        }
      }
      for (String plot : plots(report, calibration.method() != Calibration.Method.NONE)) {
        hashes.put(plot, Sha256.of(out.resolve(plot)));
      }

      Instant now = Instant.now();
      String version =
          config.name()
              + "-"
              + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC).format(now)
              + "-"
              + Sha256.of(scorerModel).substring(0, 8);
      BundleManifest manifest =
          new BundleManifest(
              BundleManifest.FORMAT,
              config.name(),
              version,
              now.truncatedTo(ChronoUnit.SECONDS).toString(),
              spec.readsText() ? encoderSpec(hashes) : null,
              BundleTrainer.HEAD_FILE,
              BundleTrainer.SCORER_FILE,
              spec,
              tiers.policy(),
              data,
              new BundleManifest.Evaluation(
                  report.model(),
                  report.baselineMetrics(),
                  report.tierOutcomes(),
                  warnings,
                  report.regression()),
              Map.of(),
              tiers.rule(),
              calibration,
              segmentSource == null || segments.isEmpty()
                  ? null
                  : new BundleManifest.Segments(segmentSource, segmentFiles),
              null,
              objective,
              language(),
              null,
              driftReference);
      examples =
          ReasonExamples.of(out, manifest.withFiles(hashes), holdOutLeads, report.calibrated());
      put(
          hashes,
          BundleTrainer.MODEL_CARD_FILE,
          ModelCard.render(manifest, report, head.prior(), examples)
              .getBytes(StandardCharsets.UTF_8));
      manifest = manifest.withFiles(hashes);
      Files.write(out.resolve(BundleManifest.FILE_NAME), manifest.toJson());
      progress.update("write", 1, 1);
      return manifest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write bundle to " + out + ": " + e.getMessage(), e);
    }
  }

  /** The reasons of a few hold-out leads, as the card shows them; empty before {@link #write}. */
  List<ReasonExamples.Example> examples() {
    return examples;
  }

  /** The reasons' language: the config's, else the encoder's when text is read, else English. */
  private String language() {
    if (config.language() != null) {
      return config.language();
    }
    String encoderLanguage = spec.readsText() ? config.encoder().spec().language() : null;
    return encoderLanguage == null ? "en" : encoderLanguage;
  }

  /** Renders the plots into the folder; their paths relative to it. */
  private List<String> plots(HoldOutReport report, boolean calibrated) throws IOException {
    Files.createDirectories(out.resolve(PLOTS));
    Map<String, double[]> models = new LinkedHashMap<>();
    models.put("this bundle", report.calibrated());
    report
        .baselines()
        .forEach(
            (name, p) -> {
              if (!name.startsWith("base rate")) {
                models.put(name, p);
              }
            });
    Map<String, double[]> calibration = new LinkedHashMap<>();
    if (calibrated) {
      calibration.put("before calibration", report.raw());
      calibration.put("calibrated (this bundle)", report.calibrated());
    } else {
      calibration.put("this bundle", report.calibrated());
    }
    ModelCardPlots.roc(out.resolve(PLOTS + "roc.png"), models, report.labels());
    ModelCardPlots.calibration(
        out.resolve(PLOTS + "calibration.png"), calibration, report.labels());
    ModelCardPlots.scoreDistribution(
        out.resolve(PLOTS + "score-distribution.png"),
        BundleTrainer.scores(report.calibrated()),
        report.labels());
    ModelCardPlots.featureImportance(
        out.resolve(PLOTS + "feature-importance.png"),
        report.importance(),
        "mean |SHAP| on the hold-out (log-odds)");
    return List.of(
        PLOTS + "roc.png",
        PLOTS + "calibration.png",
        PLOTS + "score-distribution.png",
        PLOTS + "feature-importance.png");
  }

  private void put(Map<String, String> hashes, String file, byte[] content) throws IOException {
    Path path = out.resolve(file);
    Files.createDirectories(path.getParent());
    Files.write(path, content);
    hashes.put(file, Sha256.of(content));
  }

  /**
   * The encoder section of the manifest. An encoder whose files were read from a spec's folder has
   * them copied into the bundle, so the bundle carries all it needs; class-path and hub files are
   * found where they are, hub files named with the hashes they were pinned to when trained on.
   */
  private EncoderSpec encoderSpec(Map<String, String> hashes) throws IOException {
    LocatedEncoder encoder = config.encoder();
    for (ModelFile file : List.of(encoder.spec().model(), encoder.spec().tokenizer())) {
      if (LocatedEncoder.isLocal(file)) {
        Path copy = out.resolve(file.source()).normalize();
        if (!copy.startsWith(out.normalize())) {
          throw new IOException("encoder file " + file.source() + " lies outside the bundle");
        }
        Files.createDirectories(copy.getParent());
        Files.copy(encoder.source().resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
        hashes.put(file.source(), file.sha256());
      }
    }
    return encoder.pinned();
  }

  private void removePreviousBundle() throws IOException {
    Path manifest = out.resolve(BundleManifest.FILE_NAME);
    if (!Files.exists(manifest)) {
      return;
    }
    BundleManifest previous = BundleManifest.fromJson(Files.readAllBytes(manifest));
    for (String file : previous.files().keySet()) {
      Files.deleteIfExists(out.resolve(file));
    }
    Files.delete(manifest);
  }

  /** A file name for a segment value: lower case letters, digits and dashes. */
  static String fileName(String value) {
    String name =
        value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return (name.isEmpty() ? "segment" : name)
        + "-"
        + Sha256.of(value.getBytes(StandardCharsets.UTF_8)).substring(0, 6);
  }
}
