package io.leadstream.models.training;

import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.NamedEncoders;
import java.util.Set;

/**
 * What a caller asks of a training run, as the {@code train} command offers it, checked together:
 * which choices combine, their defaults and refusals. Messages name the choices as {@code train}
 * spells its options ({@code --hot-score}), the words of docs/training.md. Immutable.
 */
public final class TrainingOptions {

  /** Synthetic leads generated when the caller names no count. */
  public static final int DEFAULT_SYNTHETIC_LEADS = 4000;

  /** The fewest synthetic leads that train and evaluate honestly. */
  public static final int MIN_SYNTHETIC_LEADS = 300;

  /** The English encoders, which read most Chinese as unknown tokens. */
  private static final Set<String> MINILMS =
      Set.of(NamedEncoders.MINILM, NamedEncoders.MINILM_QUANTIZED);

  private final boolean fromExport;
  private final int syntheticLeads;
  private final Language leadLanguage;
  private final String encoderName;
  private final LocatedEncoder encoder;
  private final TierRule tiers;
  private final long seed;

  private TrainingOptions(
      boolean fromExport,
      int syntheticLeads,
      Language leadLanguage,
      String encoderName,
      LocatedEncoder encoder,
      TierRule tiers,
      long seed) {
    this.fromExport = fromExport;
    this.syntheticLeads = syntheticLeads;
    this.leadLanguage = leadLanguage;
    this.encoderName = encoderName;
    this.encoder = encoder;
    this.tiers = tiers;
    this.seed = seed;
  }

  /** Options of a run on a CRM export. */
  public static Builder export() {
    return new Builder(true, null);
  }

  /**
   * Options of a run on {@code leads} synthetic leads; {@value #DEFAULT_SYNTHETIC_LEADS} if null.
   */
  public static Builder synthetic(Integer leads) {
    return new Builder(false, leads);
  }

  /** Whether the run reads a CRM export rather than generating leads. */
  public boolean fromExport() {
    return fromExport;
  }

  /** How many synthetic leads to generate; 0 for a run on an export. */
  public int syntheticLeads() {
    return syntheticLeads;
  }

  /** The language of the synthetic leads; English unless asked otherwise, and for an export. */
  public Language leadLanguage() {
    return leadLanguage;
  }

  public LocatedEncoder encoder() {
    return encoder;
  }

  public TierRule tiers() {
    return tiers;
  }

  public long seed() {
    return seed;
  }

  /** Whether the encoder cannot read the synthetic leads' notes: Chinese leads read by MiniLM. */
  public boolean encoderMissesLeadLanguage() {
    return !fromExport && leadLanguage == Language.ZH && MINILMS.contains(encoderName);
  }

  /**
   * The config of a run writing the bundle {@code name}: its reasons in the synthetic leads'
   * language; for an export, in the mapping's or the encoder's.
   */
  public TrainingConfig config(String name) {
    return TrainingConfig.defaults(name, seed)
        .withTiers(tiers)
        .withEncoder(encoder)
        .withLanguage(fromExport ? null : leadLanguage.code());
  }

  /** Collects the choices; {@link #build()} checks them. Defaults as {@code train}'s. */
  public static final class Builder {
    private final boolean fromExport;
    private final Integer syntheticLeads;
    private String language;
    private String encoder = NamedEncoders.MINILM_QUANTIZED;
    private long seed = 42;
    private double hotShare = TierRule.defaults().hotShare();
    private Integer hotScore;
    private Integer capacity;

    private Builder(boolean fromExport, Integer syntheticLeads) {
      this.fromExport = fromExport;
      this.syntheticLeads = syntheticLeads;
    }

    /** The synthetic leads' language code ({@code en}, {@code zh}); null for English. */
    public Builder language(String code) {
      this.language = code;
      return this;
    }

    /**
     * One of {@link NamedEncoders#NAMES} ({@code minilm-q} by default), or the path of an encoder
     * spec JSON file whose relative files lie beside it.
     */
    public Builder encoder(String name) {
      this.encoder = name;
      return this;
    }

    /** Seed of the generator, splits and XGBoost; 42 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Share of leads in HOT, set on validation scores. */
    public Builder hotShare(double share) {
      this.hotShare = share;
      return this;
    }

    /** HOT from this score (2-100) instead of a share; null for none. */
    public Builder hotScore(Integer score) {
      this.hotScore = score;
      return this;
    }

    /** HOT sized to the leads the team can call per day; null for none. */
    public Builder capacity(Integer leadsPerDay) {
      this.capacity = leadsPerDay;
      return this;
    }

    /**
     * Checks the choices, in this order: the tier options, the language, the encoder, the number of
     * synthetic leads; resolves the encoder's files.
     *
     * @throws IllegalArgumentException naming the first choice that is refused
     */
    public TrainingOptions build() {
      TierRule tiers = tierRule();
      Language leadLanguage = leadLanguage();
      LocatedEncoder encoderSpec = encoderSpec();
      int leads =
          fromExport ? 0 : syntheticLeads == null ? DEFAULT_SYNTHETIC_LEADS : syntheticLeads;
      if (!fromExport && leads < MIN_SYNTHETIC_LEADS) {
        throw new IllegalArgumentException(
            "--synthetic must be at least "
                + MIN_SYNTHETIC_LEADS
                + " leads to train and evaluate honestly, was "
                + leads);
      }
      return new TrainingOptions(
          fromExport, leads, leadLanguage, encoder, encoderSpec, tiers, seed);
    }

    private TierRule tierRule() {
      if (hotScore != null && capacity != null) {
        throw new IllegalArgumentException("give --hot-score or --capacity, not both");
      }
      TierRule rule = TierRule.defaults().withHotShare(hotShare);
      if (hotScore != null) {
        return rule.withHotScore(hotScore);
      }
      return capacity != null ? rule.withCapacity(capacity) : rule;
    }

    private Language leadLanguage() {
      if (language == null) {
        return Language.EN;
      }
      if (fromExport) {
        throw new IllegalArgumentException(
            "--language chooses the phrases of --synthetic leads; an export's text is read as it is");
      }
      try {
        return Language.of(language);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--language: " + e.getMessage(), e);
      }
    }

    private LocatedEncoder encoderSpec() {
      try {
        return LocatedEncoder.of(encoder);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--encoder: " + e.getMessage(), e);
      }
    }
  }
}
