package io.leadstream.models.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The encoder and one decoder step of a T5-style model as one block, so a single DJL {@code
 * Predictor} runs both: {@code (input_ids, attention_mask, decoder_input_ids)} -> logits (batch,
 * decoder length, vocabulary). Holds no parameters of its own; the two TorchScript blocks belong to
 * their models, which close them.
 */
final class EncoderDecoderStep extends AbstractBlock {

  private final Block encoder;
  private final Block decoder;

  EncoderDecoderStep(Block encoder, Block decoder) {
    this.encoder = encoder;
    this.decoder = decoder;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameters, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList hidden = encoder.forward(parameters, new NDList(inputs.get(0), inputs.get(1)), false);
    return decoder.forward(
        parameters, new NDList(inputs.get(2), hidden.get(0), inputs.get(1)), false);
  }

  /** The vocabulary size is only known from the decoder's output, so it is left open (-1). */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[2].get(0), inputShapes[2].get(1), -1)};
  }
}
