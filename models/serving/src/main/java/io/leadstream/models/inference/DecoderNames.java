package io.leadstream.models.inference;

/**
 * The input and output names of a zero-shot decoder step export, which differ between layouts:
 * TorchScript exports ({@code decoder_step.pt}, see {@code models/flan-t5/t5_export.py}) take their
 * inputs by position, in this record's order; ONNX exports in the transformers.js layout ({@code
 * onnx/decoder_model.onnx} of Xenova's repositories) take them by name, in any order, and may
 * return more outputs than the logits (their key/value cache).
 *
 * @param inputIds the decoder's own input ids (the start token)
 * @param encoderHiddenStates the encoder's last hidden state
 * @param encoderAttentionMask the encoder's attention mask
 * @param logits the output to read; a decoder with a single output may name it otherwise
 */
public record DecoderNames(
    String inputIds, String encoderHiddenStates, String encoderAttentionMask, String logits) {

  /** The names {@code t5_export.py} gives {@code decoder_step.pt} (bound by position there). */
  public static final DecoderNames TORCHSCRIPT =
      new DecoderNames(
          "decoder_input_ids", "encoder_hidden_states", "encoder_attention_mask", "logits");

  /** The names of {@code decoder_model.onnx} in the transformers.js (optimum) layout. */
  public static final DecoderNames TRANSFORMERS_JS =
      new DecoderNames("input_ids", "encoder_hidden_states", "encoder_attention_mask", "logits");

  /** The layout's names an engine's exports have; null for an engine zero-shot does not run. */
  static DecoderNames defaultFor(String engine) {
    if ("OnnxRuntime".equals(engine)) {
      return TRANSFORMERS_JS;
    }
    return "PyTorch".equals(engine) ? TORCHSCRIPT : null;
  }
}
