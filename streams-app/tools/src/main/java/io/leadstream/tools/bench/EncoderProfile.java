package io.leadstream.tools.bench;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.TextEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Runs an encoder on texts, one text a call on one ONNX Runtime thread (as the pipeline's stream
 * threads do), with ONNX Runtime's operator profiler on, and reads the profile it writes.
 */
public final class EncoderProfile {

  private EncoderProfile() {}

  /** An encoder's profile, and the mean token count of the texts it read. */
  public record Profiled(String encoder, double meanTokens, OperatorProfile operators) {}

  /**
   * @param encoder a name or spec file, as {@link EncoderChoice#load} takes it
   * @param folder where the profile file is written
   * @param progress told the number of texts read so far
   */
  public static Profiled run(
      String encoder, List<String> texts, Path folder, IntConsumer progress) {
    String prefix = encoder.replaceAll("[^A-Za-z0-9._-]", "_");
    Path profilePrefix = folder.resolve(prefix);
    long tokens = 0;
    try (EncoderModel model = EncoderChoice.load(encoder, new InferenceOptions(1, profilePrefix));
        TextEncoder reader = model.newEncoder()) {
      for (int i = 0; i < texts.size(); i++) {
        tokens += reader.embed(texts.get(i)).tokens();
        progress.accept(i + 1);
      }
    } // ONNX Runtime writes the profile when the session closes
    return new Profiled(
        encoder,
        (double) tokens / texts.size(),
        OperatorProfile.read(newest(folder, prefix + "_")));
  }

  private static Path newest(Path folder, String prefix) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .max(Comparator.comparingLong(EncoderProfile::modified))
          .orElseThrow(
              () ->
                  new IllegalStateException("ONNX Runtime wrote no profile " + prefix + "*.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
