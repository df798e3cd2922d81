package io.leadstream.models.inference;

import java.util.List;

/**
 * What zero-shot opportunity scoring with a T5-style encoder-decoder (Flan-T5) needs, as a
 * manifest section: no training, one encoder call and ONE decoder step per batch of texts.
 *
 * @param engine DJL engine of both exports; {@code PyTorch} (TorchScript) is the one supported
 * @param encoder encoder export: (input_ids, attention_mask) -> last_hidden_state
 * @param decoderStep decoder export without cache: (decoder_input_ids, encoder_hidden_states,
 *     encoder_attention_mask) -> logits (batch, decoder length, vocabulary)
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param promptTemplate instruction prompt; {@code {text}} is replaced by the lead's text
 * @param yesAnswers vocabulary pieces that mean yes (casings merged), e.g. {@code ▁yes, ▁Yes}
 * @param noAnswers vocabulary pieces that mean no
 * @param decoderStartTokenId first decoder input; T5 starts from the pad id, 0
 * @param maxTokens prompts are truncated to this many tokens, {@code </s>} included
 */
public record ZeroShotSpec(
    String engine,
    ModelFile encoder,
    ModelFile decoderStep,
    ModelFile tokenizer,
    String promptTemplate,
    List<String> yesAnswers,
    List<String> noAnswers,
    int decoderStartTokenId,
    int maxTokens) {

  /** The placeholder {@link #promptTemplate()} must contain. */
  public static final String TEXT_PLACEHOLDER = "{text}";

  /** A copy with another instruction prompt. */
  public ZeroShotSpec withPromptTemplate(String template) {
    return new ZeroShotSpec(
        engine, encoder, decoderStep, tokenizer, template, yesAnswers, noAnswers,
        decoderStartTokenId, maxTokens);
  }

  /** The prompt for one lead text. */
  public String prompt(String text) {
    return promptTemplate.replace(TEXT_PLACEHOLDER, text == null ? "" : text);
  }
}
