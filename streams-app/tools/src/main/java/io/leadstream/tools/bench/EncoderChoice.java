package io.leadstream.tools.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.NamedEncoders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Loads the encoder a benchmark names: a named encoder ({@link NamedEncoders}), or an encoder spec
 * JSON with its files beside it.
 */
public final class EncoderChoice {

  /** The name of the default encoder. */
  public static final String MINILM = NamedEncoders.MINILM;

  private EncoderChoice() {}

  /** Loads the encoder with one ONNX Runtime thread per call. */
  public static EncoderModel load(String spec) {
    InferenceOptions oneThread = new InferenceOptions(1);
    if (NamedEncoders.NAMES.contains(spec)) {
      return EncoderModel.load(NamedEncoders.named(spec), ModelSource.forClasspath(""), oneThread);
    }
    Path file = Path.of(spec).toAbsolutePath();
    try {
      EncoderSpec encoder =
          new ObjectMapper()
              .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(file.toFile(), EncoderSpec.class);
      return EncoderModel.load(encoder, ModelSource.forFolder(file.getParent()), oneThread);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read encoder spec " + file + ": " + e.getMessage(), e);
    }
  }
}
