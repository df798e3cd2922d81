package io.leadstream.models.inference;

import java.util.List;

/**
 * What zero-shot opportunity scoring with a T5-style encoder-decoder (Flan-T5) needs, as a manifest
 * section: no training, one encoder call and ONE decoder step per batch of texts.
 *
 * @param engine DJL engine of both exports: {@code PyTorch} (TorchScript, {@code encoder.pt} and
 *     {@code decoder_step.pt} as {@code t5_export.py} writes them) or {@code OnnxRuntime} (ONNX,
 *     e.g. the transformers.js layout's {@code onnx/encoder_model.onnx} and {@code
 *     onnx/decoder_model.onnx})
 * @param encoder encoder export: (input_ids, attention_mask) -> last_hidden_state
 * @param decoderStep decoder export without cache, with {@code lm_head}: (decoder input ids,
 *     encoder hidden states, encoder attention mask) -> logits (batch, decoder length, vocabulary)
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param promptTemplate instruction prompt; {@code {text}} is replaced by the lead's text
 * @param yesAnswers vocabulary pieces that mean yes (casings merged), e.g. {@code ▁yes, ▁Yes}
 * @param noAnswers vocabulary pieces that mean no
 * @param decoderStartTokenId first decoder input; T5 starts from the pad id, 0
 * @param maxTokens prompts are truncated to this many tokens, {@code </s>} included
 * @param prior p(opportunity) of a lead whose text is blank or unreadable (more than {@code
 *     TextSignal.MAX_UNKNOWN_RATIO} unknown tokens); optional in JSON, {@value #DEFAULT_PRIOR} when
 *     absent ("no idea"). A team that knows roughly what share of its leads become opportunities
 *     should set that share here.
 * @param decoderNames the decoder step's input and output names; optional in JSON, the names of the
 *     engine's layout when absent ({@link DecoderNames#defaultFor})
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
    int maxTokens,
    Double prior,
    DecoderNames decoderNames) {

  /** The placeholder {@link #promptTemplate()} must contain. */
  public static final String TEXT_PLACEHOLDER = "{text}";

  /** The instruction prompt the exports and {@code bundle init} write (t5_export.py's). */
  public static final String DEFAULT_PROMPT_TEMPLATE =
      "Is this sales lead a business opportunity? Answer yes or no.\n\nLead: " + TEXT_PLACEHOLDER;

  /** The {@link #prior()} of a spec that names none: neither yes nor no. */
  public static final double DEFAULT_PRIOR = 0.5;

  public ZeroShotSpec {
    prior = prior == null ? DEFAULT_PRIOR : prior;
    decoderNames = decoderNames == null ? DecoderNames.defaultFor(engine) : decoderNames;
  }

  /** A spec whose decoder has the names of its engine's layout. */
  public ZeroShotSpec(
      String engine,
      ModelFile encoder,
      ModelFile decoderStep,
      ModelFile tokenizer,
      String promptTemplate,
      List<String> yesAnswers,
      List<String> noAnswers,
      int decoderStartTokenId,
      int maxTokens,
      Double prior) {
    this(
        engine,
        encoder,
        decoderStep,
        tokenizer,
        promptTemplate,
        yesAnswers,
        noAnswers,
        decoderStartTokenId,
        maxTokens,
        prior,
        null);
  }

  /** A copy with another instruction prompt. */
  public ZeroShotSpec withPromptTemplate(String template) {
    return new ZeroShotSpec(
        engine,
        encoder,
        decoderStep,
        tokenizer,
        template,
        yesAnswers,
        noAnswers,
        decoderStartTokenId,
        maxTokens,
        prior,
        decoderNames);
  }

  /** The prompt for one lead text. */
  public String prompt(String text) {
    return promptTemplate.replace(TEXT_PLACEHOLDER, text == null ? "" : text);
  }
}
