package io.leadstream.models.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * The encoder and one decoder step of a T5-style model as one block, so a single DJL {@code
 * Predictor} runs both: {@code (input_ids, attention_mask, decoder_input_ids)} -> logits (batch,
 * decoder length, vocabulary). Holds no parameters of its own; the two engine blocks belong to
 * their models, which close them.
 *
 * <p>The inputs are named (ONNX Runtime binds named inputs by name, and TorchScript takes plain
 * names by position) and passed in {@link DecoderNames}' order, so one block serves both layouts.
 */
final class EncoderDecoderStep extends AbstractBlock {

  private static final String HIDDEN_STATE = "last_hidden_state";

  private final Block encoder;
  private final Block decoder;
  private final DecoderNames names;

  EncoderDecoderStep(Block encoder, Block decoder, DecoderNames names) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.names = names;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray mask = inputs.get(1);
    NDList encoded =
        encoder.forward(
            parameters,
            new NDList(named(inputs.get(0), "input_ids"), named(mask, "attention_mask")),
            false);
    NDArray hidden = output(encoded, HIDDEN_STATE, "encoder");
    NDList decoded =
        decoder.forward(
            parameters,
            new NDList(
                named(inputs.get(2), names.inputIds()),
                named(hidden, names.encoderHiddenStates()),
                named(mask, names.encoderAttentionMask())),
            false);
    return new NDList(output(decoded, names.logits(), "decoder"));
  }

  private static NDArray named(NDArray array, String name) {
    array.setName(name);
    return array;
  }

  /** A single output whatever its name, else the one named so. */
  private static NDArray output(NDList outputs, String name, String model) {
    NDArray output = outputs.size() == 1 ? outputs.get(0) : outputs.get(name);
    if (output == null) {
      List<String> found = outputs.stream().map(NDArray::getName).toList();
      throw new TextEncodingException(
          model + " has no output named '" + name + "' (outputs " + found + ")", null);
    }
    return output;
  }

  /** The vocabulary size is only known from the decoder's output, so it is left open (-1). */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[2].get(0), inputShapes[2].get(1), -1)};
  }
}
