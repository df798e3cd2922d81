package io.leadstream.models.inference;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How token vectors become one text vector. */
public enum Pooling {
  /** Mean of the token vectors the attention mask marks as real (padding is ignored). */
  @JsonProperty("mean")
  MEAN,
  /** The first token's vector ([CLS] for BERT-style encoders). */
  @JsonProperty("cls")
  CLS
}
