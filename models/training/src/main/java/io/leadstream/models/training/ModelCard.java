package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.DriftReference;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.evaluation.CalibrationBin;
import io.leadstream.models.evaluation.Confusion;
import io.leadstream.models.evaluation.DriftQuantities;
import io.leadstream.models.evaluation.ReferenceBins;
import io.leadstream.models.evaluation.TierRow;
import io.leadstream.models.evaluation.TierStatistics;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.ReasonPhrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a bundle's {@code MODEL_CARD.md} from its manifest and hold-out report. */
final class ModelCard {

  /** How the warning that a bundle has no signal starts, in the manifest and the card. */
  static final String NO_SIGNAL = "NO SIGNAL";

  /** What a card says for the rates of a tier no hold-out lead fell into. */
  static final String NO_LEADS = "no leads";

  private ModelCard() {}

  /**
   * @param textPrior the p(opportunity) of a lead without readable text: the head's prior
   * @param examples hold-out leads' reasons as the bundle gives them
   */
  static String render(
      BundleManifest m, HoldOutReport r, double textPrior, List<ReasonExamples.Example> examples) {
    StringBuilder md = new StringBuilder();
    md.append("# Model card: ").append(m.name()).append("\n\n");
    md.append("Version `")
        .append(m.version())
        .append("`, written ")
        .append(m.createdAt())
        .append(".\n\n");
    summary(md, m, r);
    data(md, m);
    evaluation(md, m, r);
    tiers(md, m, r);
    calibration(md, m, r);
    features(md, m, r, textPrior);
    driftReference(md, m);
    reasons(md, examples);
    signals(md, m, r);
    segments(md, r);
    format(md, m);
    limits(md, m);
    return md.toString();
  }

  private static void summary(StringBuilder md, BundleManifest m, HoldOutReport r) {
    if (!m.evaluation().warnings().isEmpty()) {
      md.append("**Warnings**\n\n");
      m.evaluation()
          .warnings()
          .forEach(
              w ->
                  md.append("- ")
                      .append(w.startsWith(NO_SIGNAL) ? "**" + w + "**" : w)
                      .append("\n"));
      md.append("\n");
    }
    TierRow hot = r.tiers().get(0);
    if (r.regression() != null) {
      md.append(
          f(
              "Regression: on %,d hold-out leads the bundle predicts the target with R² **%.3f**"
                  + " (ridge regression on the same features: %.3f). Below, \"converted\" means a"
                  + " target above the median. ",
              r.model().count(),
              r.regression().get(RegressionReport.MODEL).r2(),
              r.regression().get("ridge regression, same features").r2()));
    }
    EvaluationMetrics logistic = r.baselineMetrics().get(HoldOutReport.LOGISTIC);
    md.append(
        f(
            "On %,d hold-out leads the bundle (%s) ranks with AUC **%.3f**",
            r.model().count(), inputs(m), r.model().auc()));
    List<String> aside = new ArrayList<>();
    if (r.aucInterval() != null) {
      aside.add(f("95 %% interval %.3f-%.3f", r.aucInterval().low(), r.aucInterval().high()));
    }
    if (logistic != null) {
      aside.add(f("logistic regression on the same features: %.3f", logistic.auc()));
    }
    if (!aside.isEmpty()) {
      md.append(" (").append(String.join("; ", aside)).append(")");
    }
    if (hot.leads() == 0) {
      md.append(
          f(
              ". Its HOT tier holds no leads of the hold-out; the base rate is %.1f %%.%n%n",
              100 * r.model().baseRate()));
    } else {
      md.append(
          f(
              ". Its HOT tier holds %,d leads (%.1f %%) that convert at %.1f %%, %.1f times"
                  + " the base rate of %.1f %%, and finds %.0f %% of all conversions.\n\n",
              hot.leads(),
              100.0 * hot.leads() / r.model().count(),
              100 * hot.conversionRate(),
              hot.lift(),
              100 * r.model().baseRate(),
              100 * hot.conversionShare()));
    }
  }

  private static void data(StringBuilder md, BundleManifest m) {
    BundleManifest.TrainingData d = m.training();
    md.append("## Training data\n\n");
    md.append(
        f(
            "%,d leads from `%s`, %,d converted (%.1f %%). Split %,d train / %,d validation /"
                + " %,d hold-out, %s.",
            d.leads(),
            d.generator(),
            d.converted(),
            100.0 * d.converted() / d.leads(),
            d.train(),
            d.validation(),
            d.holdOut(),
            "time-ordered".equals(d.split())
                ? DataSplit.Kind.TIME_ORDERED.describe()
                : DataSplit.Kind.STRATIFIED.describe()));
    md.append(" The validation split chose the boosting rounds, the calibration and the tier")
        .append(" thresholds; the hold-out was used for the numbers below only.");
    if (!d.notes().isEmpty()) {
      md.append("\n\nAs read:\n\n");
      d.notes().forEach(note -> md.append("- ").append(note).append("\n"));
      md.setLength(md.length() - 1);
    }
    Language language = SyntheticLeadGenerator.languageOfSource(d.generator());
    if (language != null) {
      md.append(
          f(
              " The leads are synthetic (seed %d): labels come from a hidden process over the"
                  + " fields and a hidden text intent that chooses the %s phrases of notes and"
                  + " messages, with about 8 %% junk leads.",
              d.seed(), language.displayName()));
    }
    md.append("\n\n");
  }

  private static void evaluation(StringBuilder md, BundleManifest m, HoldOutReport r) {
    md.append("## Evaluation (hold-out)\n\n");
    if (r.regression() != null) {
      md.append("The label is a continuous target: the scorer predicts it (XGBoost")
          .append(" `reg:squarederror`) and the score is the prediction's percentile among the")
          .append(" validation leads' predictions.\n\n");
      md.append("| model | MSE | R² |\n|---|---|---|\n");
      r.regression()
          .forEach((name, e) -> md.append(f("| %s | %.4g | %.3f |%n", name, e.mse(), e.r2())));
      md.append("\nThe table below measures how well each model ranks the leads whose target is")
          .append(" above the median (AUC, PR-AUC); for this bundle log loss and Brier treat the")
          .append(" percentile as a probability and say little.\n\n");
    }
    md.append("| model | AUC | PR-AUC | log loss | Brier |\n|---|---|---|---|---|\n");
    row(md, "**this bundle** (" + inputs(m) + ")", r.model());
    if (calibrated(m)) {
      row(md, "this bundle before calibration", r.uncalibrated());
    }
    r.baselineMetrics().forEach((name, metrics) -> row(md, name, metrics));
    md.append(
        f(
            "%nBase rate %.3f on %,d hold-out leads. PR-AUC of a random ranking equals the"
                + " base rate.%n%n",
            r.model().baseRate(), r.model().count()));
    md.append("![ROC curves](plots/roc.png)\n\n");

    Confusion c = r.atHot();
    md.append(f("Calling every HOT lead (score >= %d), on the hold-out:%n%n", m.tiers().hot()));
    md.append("| | converted | not converted |\n|---|---|---|\n");
    md.append(
        f(
            "| HOT (called) | %,d | %,d |%n| not HOT | %,d | %,d |%n%n",
            c.tp(), c.fp(), c.fn(), c.tn()));
    md.append("Accuracy, precision, recall and F1 of calling the leads each model predicts to")
        .append(" convert: at p >= 0.5, and at the HOT cut (as many leads as HOT holds: this")
        .append(" bundle's HOT tier, each baseline's top leads, more where its predictions tie).")
        .append(" \"n/a\": no lead called.\n\n");
    md.append("| model | cut | leads called | accuracy | precision | recall | F1 |\n")
        .append("|---|---|---|---|---|---|---|\n");
    r.atHalf().forEach((name, at) -> thresholdRow(md, name, "p >= 0.5", at));
    r.atHotCut().forEach((name, at) -> thresholdRow(md, name, "HOT cut", at));
    md.append("\n");
  }

  private static void thresholdRow(StringBuilder md, String name, String cut, Confusion c) {
    md.append(
        f(
            "| %s | %s | %,d | %s | %s | %s | %s |%n",
            name.equals(HoldOutReport.MODEL) ? "**this bundle**" : name,
            cut,
            c.tp() + c.fp(),
            decimal(c.accuracy(), 3),
            decimal(c.precision(), 3),
            decimal(c.recall(), 3),
            decimal(c.f1(), 3)));
  }

  private static void tiers(StringBuilder md, BundleManifest m, HoldOutReport r) {
    md.append("## Tiers\n\n");
    md.append(
        f(
            "HOT at score >= %d, WARM >= %d, COLD >= %d, else DISQUALIFIED. %s.%n%n",
            m.tiers().hot(),
            m.tiers().warm(),
            m.tiers().cold(),
            m.tierRule() == null ? "" : capitalize(m.tierRule())));
    md.append("| tier | leads | converted | conversion rate | 95 % interval | lift |")
        .append(" share of conversions |\n|---|---|---|---|---|---|---|\n");
    for (TierRow t : r.tiers()) {
      if (t.leads() == 0) {
        md.append(
            f(
                "| %s | 0 | 0 | %s | %s | %s | %s |%n",
                t.tier(), NO_LEADS, NO_LEADS, NO_LEADS, NO_LEADS));
      } else {
        md.append(
            f(
                "| %s | %,d | %,d | %s | %s | %s | %s |%n",
                t.tier(),
                t.leads(),
                t.converted(),
                percent(t.conversionRate()),
                SignalCheck.range(TierStatistics.wilson(t.converted(), t.leads())),
                decimal(t.lift(), 2),
                percent(t.conversionShare())));
      }
    }
    List<String> alike = SignalCheck.alikeTiers(r.tiers());
    md.append("\n")
        .append(
            alike.isEmpty()
                ? "Each tier converts measurably differently from the next (their 95 % intervals do not"
                    + " overlap)."
                : String.join(" ", alike)
                    + " On this hold-out such neighbouring tiers are not told"
                    + " apart.")
        .append("\n");
    md.append("\n![Score distribution per class](plots/score-distribution.png)\n\n");
  }

  private static void calibration(StringBuilder md, BundleManifest m, HoldOutReport r) {
    md.append("## Calibration\n\n");
    if (calibrated(m)) {
      md.append(
          f(
              "Method **%s**, chosen on the validation split by cross-validated log loss"
                  + " (none, Platt, or isotonic with at least %,d validation leads). Hold-out log"
                  + " loss %.4f before, %.4f after; Brier %.4f before, %.4f after.%n%n",
              m.calibration().method().name().toLowerCase(Locale.ROOT),
              CalibrationFitter.MIN_ISOTONIC_LEADS,
              r.uncalibrated().logLoss(),
              r.model().logLoss(),
              r.uncalibrated().brier(),
              r.model().brier()));
    } else {
      md.append(
          f(
              "**None**: cross-validated log loss on the validation split kept the scorer's"
                  + " probabilities as they are (the choices: none, Platt, or isotonic with at least"
                  + " %,d validation leads). Hold-out log loss %.4f, Brier %.4f.%n%n",
              CalibrationFitter.MIN_ISOTONIC_LEADS, r.model().logLoss(), r.model().brier()));
    }
    md.append("| predicted (mean) | observed | leads |\n|---|---|---|\n");
    for (CalibrationBin bin : r.calibrationCurve()) {
      md.append(f("| %.3f | %.3f | %,d |%n", bin.meanPredicted(), bin.observedRate(), bin.count()));
    }
    md.append("\n![Calibration](plots/calibration.png)\n\n");
  }

  private static void features(
      StringBuilder md, BundleManifest m, HoldOutReport r, double textPrior) {
    md.append("## Inputs and their importance\n\n");
    if (m.readsNoText()) {
      md.append("A `LeadEvent`, **fields only**: no text column was mapped, so the bundle reads")
          .append(" no text. No encoder is loaded or run, every lead reports the same")
          .append(
              f(
                  " p(opportunity) (the training base rate, %.2f), and no reason is about",
                  textPrior))
          .append(" text. The scorer reads these features. Importance is the mean absolute SHAP")
          .append(" contribution on the hold-out, in log-odds.\n\n");
    } else {
      md.append("A `LeadEvent`. Its text (notes, then last message) goes through the encoder")
          .append(" and the head into p(opportunity); the scorer reads these features.")
          .append(" Importance is the mean absolute SHAP contribution on the hold-out, in")
          .append(" log-odds.\n\n");
    }
    md.append("| feature | source | type | importance |\n|---|---|---|---|\n");
    for (FeatureSpec.Feature feature : m.features().features()) {
      md.append("| ")
          .append(feature.label())
          .append(" | `")
          .append(feature.source())
          .append("` | ")
          .append(feature.type().name().toLowerCase(Locale.ROOT));
      if (feature.transform() == FeatureSpec.Transform.LOG1P) {
        md.append(", log1p");
      }
      if (feature.levels() != null) {
        md.append(", ")
            .append(feature.levels().size())
            .append(feature.levels().size() == 1 ? " level" : " levels");
      }
      md.append(f(" | %.3f |%n", r.importance().getOrDefault(feature.label(), 0.0)));
    }
    md.append("\nMissing values are allowed everywhere.\n\n");
    md.append("![Feature importance](plots/feature-importance.png)\n\n");
  }

  private static void driftReference(StringBuilder md, BundleManifest m) {
    DriftReference reference = m.driftReference();
    if (reference == null) {
      return;
    }
    md.append("## Drift reference\n\n");
    md.append(
        f(
            "The manifest's `driftReference` holds the distributions of the %s split (%,d leads)"
                + " that `evaluate` measures the live leads against (population stability index,"
                + " PSI): p(opportunity) as the scorer read it (out-of-fold on this split), the score the"
                + " bundle gives these leads and the %d most important features other than"
                + " p(opportunity), as one"
                + " number each (numeric as the scorer reads it, yes/no as 1/0, a category as its"
                + " level's index). Each has its deciles as bins, or a bin per value when it has at"
                + " most %d, and a bin for missing values.%n%n",
            reference.split(),
            reference.leads(),
            DriftQuantities.FEATURES,
            ReferenceBins.MAX_DISTINCT_FOR_FIXED_BINS));
    md.append("| quantity | bins | missing |\n|---|---|---|\n");
    for (DriftReference.Quantity quantity : reference.quantities()) {
      md.append(
          f(
              "| %s | %d | %.1f %% |%n",
              quantity.name(), quantity.bins() - 1, 100 * quantity.missing()));
    }
    md.append("\n");
  }

  private static void reasons(StringBuilder md, List<ReasonExamples.Example> examples) {
    if (examples.isEmpty()) {
      return;
    }
    md.append("## Reasons, as a sales rep reads them\n\n");
    md.append("The hold-out's highest-scored lead, its median and its lowest, scored by this")
        .append(" bundle as the pipeline scores them: score (tier), then the strongest factors for")
        .append(" and against it with their score points.\n\n");
    examples.forEach(e -> md.append("- ").append(e.line()).append("\n"));
    md.append("\n");
  }

  private static void signals(StringBuilder md, BundleManifest m, HoldOutReport r) {
    md.append("## Each column alone\n\n");
    md.append("Validation AUC of each input column on its own (target-encoded on the training")
        .append(
            f(
                " split). At %.2f or above a column is flagged as likely leakage.%n%n",
                ColumnSignals.LEAKAGE_AUC));
    md.append("| column | AUC alone |\n|---|---|\n");
    for (ColumnSignals.ColumnSignal s : r.signals()) {
      md.append(f("| %s | %.3f%s |%n", s.column(), s.auc(), s.looksLikeLeakage() ? " (!)" : ""));
    }
    md.append("\n");
  }

  private static void segments(StringBuilder md, HoldOutReport r) {
    if (r.segments().isEmpty()) {
      return;
    }
    md.append("## Segments\n\n");
    md.append("| segment | train leads | validation leads | outcome |\n|---|---|---|---|\n");
    for (SegmentTrainer.Segment s : r.segments()) {
      md.append(
          f("| %s | %,d | %,d | %s |%n", s.value(), s.trainLeads(), s.validationLeads(), s.why()));
    }
    md.append("\n");
  }

  private static void format(StringBuilder md, BundleManifest m) {
    md.append("## Outputs and format\n\n");
    md.append(
            m.readsNoText()
                ? "p(opportunity): the prior, the same for every lead (no text is" + " read); "
                : "p(opportunity) from the text; ")
        .append(calibrated(m) ? "the calibrated probability of conversion" : "the probability")
        .append(" of conversion; score = round(100 p); the tier; up to three factors for and two")
        .append(" against the score, from SHAP contributions, one-hot columns grouped per")
        .append(" input.\n\n");
    md.append("A LeadStream bundle (`")
        .append(BundleManifest.FORMAT)
        .append("`): `")
        .append(BundleManifest.FILE_NAME)
        .append("` (machine-readable description and SHA-256")
        .append(" of every file), `")
        .append(m.head())
        .append(
            m.readsNoText()
                ? "` (the prior p(opportunity) only: no weights),"
                : "` (logistic opportunity head),")
        .append(" `")
        .append(m.scorer())
        .append("` (XGBoost, UBJ), the plots and this card.");
    if (m.encoder() != null && !m.readsNoText()) {
      md.append(" The text encoder is named, not copied: `")
          .append(m.encoder().model().source())
          .append("`, engine ")
          .append(m.encoder().engine())
          .append(", ")
          .append(m.encoder().pooling().name().toLowerCase(Locale.ROOT))
          .append(" pooling, ")
          .append(m.encoder().maxTokens())
          .append(" tokens, ")
          .append(m.encoder().dimension())
          .append(" dimensions")
          .append(m.encoder().lowercase() ? ", texts lower-cased" : "")
          .append(".");
    }
    md.append("\n\n");
  }

  private static void limits(StringBuilder md, BundleManifest m) {
    md.append("## Limits\n\n");
    if (SyntheticLeadGenerator.languageOfSource(m.training().generator()) != null) {
      md.append("- Trained on synthetic leads: the numbers say the pipeline learns, not how it")
          .append(" ranks your leads. Retrain on your own labelled history before trusting")
          .append(" scores.\n");
    }
    if (m.readsNoText()) {
      md.append("- Fields only: what a lead's notes or messages say does not count. Map a text")
          .append(" column (`text:`) to let it.\n");
    } else if ("zh".equals(m.encoder().language())) {
      md.append("- Chinese: the encoder reads Chinese and the English words of its vocabulary")
          .append(" (lower-cased); other scripts turn into unknown tokens (see")
          .append(" `unknownTokenRatio`) and such texts get an uninformed p(opportunity).\n");
    } else {
      md.append("- English only: the encoder's vocabulary turns most other scripts into unknown")
          .append(" tokens (see `unknownTokenRatio`); such texts get an uninformed")
          .append(" p(opportunity).\n");
    }
    md.append("- Reasons, in ")
        .append("zh".equals(m.reasonLanguage()) ? "Chinese" : "English")
        .append(" (labels a mapping gave its columns as written): the factors with the largest")
        .append(" SHAP contributions on the model's own scale, three for and two against the")
        .append(" score. Their points are each contribution times the score's slope between")
        .append(" the average lead")
        .append(
            m.segments() == null ? "" : ", of the lead's segment where that has its own scorer,")
        .append(" and the lead itself, so they add up to the lead's distance from that average")
        .append(" lead's score and stay readable near 0 and 100; under half a point reads \"")
        .append(ReasonPhrases.of(m.reasonLanguage()).points(0))
        .append("\". SHAP values")
        .append(" describe the model, not what causes a lead to convert.\n");
    if (!m.readsNoText()) {
      md.append("- Texts longer than ")
          .append(m.encoder().maxTokens())
          .append(" tokens are truncated.\n");
    }
  }

  /**
   * What the bundle reads and how its probabilities were adjusted, as its row in the tables names
   * it: "text + fields" or "fields only", then the calibration when one was chosen.
   */
  static String inputs(BundleManifest m) {
    String reads = m.readsNoText() ? "fields only" : "text + fields";
    if (m.objective() == io.leadstream.models.bundle.Objective.REGRESSION) {
      return reads + ", scored by percentile";
    }
    return calibrated(m)
        ? reads + ", " + m.calibration().method().name().toLowerCase(Locale.ROOT) + "-calibrated"
        : reads;
  }

  private static boolean calibrated(BundleManifest m) {
    return m.calibration().method() != io.leadstream.models.scoring.Calibration.Method.NONE;
  }

  private static void row(StringBuilder md, String name, EvaluationMetrics e) {
    md.append(
        f(
            "| %s | %.3f | %.3f | %.3f | %.3f |%n",
            name, e.auc(), e.prAuc(), e.logLoss(), e.brier()));
  }

  /** A share as {@code 12.3 %}; "n/a" when it is undefined (NaN). */
  static String percent(double share) {
    return Double.isFinite(share) ? f("%.1f %%", 100 * share) : "n/a";
  }

  /** A number with {@code digits} decimals; "n/a" when it is undefined (NaN). */
  static String decimal(double value, int digits) {
    return Double.isFinite(value) ? f("%." + digits + "f", value) : "n/a";
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
