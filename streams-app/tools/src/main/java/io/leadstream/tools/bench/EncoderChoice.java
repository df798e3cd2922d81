package io.leadstream.tools.bench;

import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;

/**
 * Loads the encoder a benchmark names: a named encoder, or an encoder spec JSON with its files
 * beside it, either followed by {@value #UNFUSED} for its graph as exported.
 */
public final class EncoderChoice {

  /** The name of the default encoder. */
  public static final String MINILM = NamedEncoders.MINILM;

  /** Appended to a choice, loads the encoder's graph as its file has it (no graph fusion). */
  public static final String UNFUSED = ":unfused";

  private EncoderChoice() {}

  /** Loads the encoder with one ONNX Runtime thread per call. */
  public static EncoderModel load(String choice) {
    return load(choice, new InferenceOptions(1));
  }

  /** Loads the encoder with these options, without graph fusion if the choice says so. */
  public static EncoderModel load(String choice, InferenceOptions options) {
    LocatedEncoder encoder = LocatedEncoder.of(encoder(choice));
    return encoder.load(choice.endsWith(UNFUSED) ? options.withoutGraphFusion() : options);
  }

  /** The encoder's name or spec file, without {@value #UNFUSED}. */
  public static String encoder(String choice) {
    return choice.endsWith(UNFUSED)
        ? choice.substring(0, choice.length() - UNFUSED.length())
        : choice;
  }
}
