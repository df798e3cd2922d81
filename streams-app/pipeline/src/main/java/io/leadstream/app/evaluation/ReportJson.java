package io.leadstream.app.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadstream.app.evaluation.LiveEvaluation.Report;
import io.leadstream.models.bundle.BundleManifest;
import java.io.UncheckedIOException;

/**
 * The JSON of a {@link Report}, as {@code evaluate --json} prints it and {@code /evaluation} serves
 * it: indented, NaN and infinities as {@code null} (as in bundle manifests).
 */
public final class ReportJson {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(BundleManifest.finiteNumbers());

  private ReportJson() {}

  public static String write(Report report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the evaluation report as JSON", e);
    }
  }
}
