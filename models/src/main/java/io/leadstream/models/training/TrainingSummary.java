package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a training run produced.
 *
 * @param folder the bundle folder written
 * @param version the bundle's version
 * @param holdOut the bundle's hold-out metrics
 * @param baselines hold-out metrics of simpler models, by name
 * @param data the data the bundle was trained on
 * @param took wall-clock time of the run
 */
public record TrainingSummary(
    Path folder,
    String version,
    EvaluationMetrics holdOut,
    Map<String, EvaluationMetrics> baselines,
    BundleManifest.TrainingData data,
    Duration took) {}
