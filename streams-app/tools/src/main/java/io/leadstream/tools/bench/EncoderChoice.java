package io.leadstream.tools.bench;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;

/**
 * Loads the encoder a benchmark names: a named encoder, or an encoder spec JSON with its files
 * beside it.
 */
public final class EncoderChoice {

  /** The name of the default encoder. */
  public static final String MINILM = NamedEncoders.MINILM;

  private EncoderChoice() {}

  /** Loads the encoder with one ONNX Runtime thread per call. */
  public static EncoderModel load(String spec) {
    return LocatedEncoder.of(spec).load(new InferenceOptions(1));
  }
}
