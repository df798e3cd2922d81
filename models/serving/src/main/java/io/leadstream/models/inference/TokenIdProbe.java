package io.leadstream.models.inference;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.leadstream.models.BundleException;
import java.util.List;

/**
 * Feeds the highest token id a tokenizer can emit straight to its model at load. A tokenizer
 * extended with new tokens while the model's embeddings were not resized passes every other load
 * check, and reads most texts, but the model fails on each text that has one of the new tokens: a
 * broken bundle, found here rather than record by record in the pipeline.
 */
final class TokenIdProbe {

  private TokenIdProbe() {}

  /**
   * Reads a one-token input of id 0, then one of {@code highestId}. A model that fails on the first
   * fails for another reason than its vocabulary, and the canary check reports it with its cause;
   * one that reads the first and fails on the second lacks embeddings for the tokenizer's ids.
   *
   * @param inputs the model's input names, in order: {@code input_ids}, {@code attention_mask},
   *     {@code token_type_ids}
   * @throws BundleException naming the tokenizer and the id when the model fails on that id alone
   */
  static void check(Model model, List<String> inputs, long highestId, ModelFile tokenizer) {
    try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
      try {
        read(predictor, model, inputs, 0);
      } catch (TranslateException | RuntimeException e) {
        return;
      }
      try {
        read(predictor, model, inputs, highestId);
      } catch (TranslateException | RuntimeException e) {
        throw new BundleException(
            tokenizer.source()
                + ": the tokenizer has token ids up to "
                + highestId
                + " but the model fails on id "
                + highestId
                + " (it reads id 0); are the model's embeddings smaller than the vocabulary (a"
                + " tokenizer extended without resizing the model)? "
                + e.getMessage(),
            e);
      }
    }
  }

  private static void read(
      Predictor<NDList, NDList> predictor, Model model, List<String> inputs, long id)
      throws TranslateException {
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDList list = new NDList(inputs.size());
      for (String name : inputs) {
        long value =
            switch (name) {
              case "input_ids" -> id;
              case "attention_mask" -> 1;
              default -> 0;
            };
        NDArray array = manager.create(new long[] {value}, new Shape(1, 1));
        array.setName(name);
        list.add(array);
      }
      predictor.predict(list).close();
    }
  }
}
