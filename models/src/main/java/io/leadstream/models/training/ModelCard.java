package io.leadstream.models.training;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.EvaluationMetrics;
import io.leadstream.models.scoring.FeatureSpec;
import java.util.Locale;
import java.util.Map;

/** Renders a bundle's {@code MODEL_CARD.md} from its manifest. */
final class ModelCard {
  private ModelCard() {}

  static String render(BundleManifest m) {
    BundleManifest.TrainingData data = m.training();
    StringBuilder md = new StringBuilder();
    md.append("# Model card: ").append(m.name()).append("\n\n");
    md.append("Version `").append(m.version()).append("`, written ").append(m.createdAt())
        .append(".\n\n");

    md.append("## Format\n\n");
    md.append("A LeadStream bundle (`").append(BundleManifest.FORMAT).append("`): `")
        .append(BundleManifest.FILE_NAME).append("` (machine-readable description and SHA-256 of")
        .append(" every file), `").append(m.head()).append("` (logistic opportunity head, JSON), `")
        .append(m.scorer()).append("` (XGBoost binary classifier, UBJ) and this card. The text")
        .append(" encoder is not copied into the bundle: the manifest names it (`")
        .append(m.encoder().model().source()).append("`, engine ").append(m.encoder().engine())
        .append(", ").append(m.encoder().pooling().name().toLowerCase(Locale.ROOT))
        .append(" pooling, ").append(m.encoder().maxTokens()).append(" tokens, ")
        .append(m.encoder().dimension()).append(" dimensions) with its hash.\n\n");

    md.append("## Training data\n\n");
    md.append(String.format(Locale.ROOT,
        "%d leads from `%s` (seed %d), %d converted (%.1f%%). Split %d train / %d validation /"
            + " %d hold-out.", data.leads(), data.generator(), data.seed(), data.converted(),
        100.0 * data.converted() / data.leads(), data.train(), data.validation(),
        data.holdOut()));
    if (data.generator().equals(SyntheticLeadGenerator.class.getSimpleName())) {
      md.append(" The leads are synthetic: labels come from a hidden process over the fields and")
          .append(" a hidden text intent that chooses the English phrases of notes and messages,")
          .append(" with about 8% junk leads.");
    }
    md.append("\n\n");

    md.append("## Inputs\n\n");
    md.append("A `LeadEvent`. Its text (notes, then last message) goes through the encoder and the")
        .append(" head into p(opportunity); the scorer reads these features:\n\n");
    md.append("| feature | source | type |\n|---|---|---|\n");
    for (FeatureSpec.Feature f : m.features().features()) {
      md.append("| ").append(f.name()).append(" | `").append(f.source()).append("` | ")
          .append(f.type().name().toLowerCase(Locale.ROOT));
      if (f.transform() == FeatureSpec.Transform.LOG1P) {
        md.append(", log1p");
      }
      if (f.levels() != null) {
        md.append(", ").append(f.levels().size()).append(" levels (")
            .append(f.encoding() == FeatureSpec.Encoding.INDEX ? "index" : "one-hot").append(")");
      }
      md.append(" |\n");
    }
    md.append("\nMissing values are allowed everywhere.\n\n");

    md.append("## Outputs\n\n");
    md.append("p(opportunity) from the text; probability of conversion; score = round(100 p);")
        .append(String.format(Locale.ROOT,
            " tier HOT at score >= %d, WARM >= %d, COLD >= %d, else DISQUALIFIED (thresholds put"
                + " about 10/30/40/20%% of validation leads in each tier); the top three reasons"
                + " from SHAP contributions in score points.\n\n",
            m.tiers().hot(), m.tiers().warm(), m.tiers().cold()));

    md.append("## Usage\n\n");
    md.append("```java\ntry (ModelBundle bundle = ModelBundle.load(\"classpath:bundles/")
        .append(m.name()).append("\");\n     LeadScorer scorer = bundle.newScorer()) {\n")
        .append("  TextSignal text = scorer.readText(LeadText.of(event));\n")
        .append("  LeadScore score = scorer.score(event, text.opportunityProbability());\n}\n```\n\n");

    md.append("## Evaluation (hold-out)\n\n");
    md.append("| model | AUC | PR-AUC | log loss | Brier |\n|---|---|---|---|---|\n");
    row(md, "this bundle (text + fields)", m.evaluation().model());
    for (Map.Entry<String, EvaluationMetrics> baseline : m.evaluation().baselines().entrySet()) {
      row(md, baseline.getKey(), baseline.getValue());
    }
    md.append(String.format(Locale.ROOT, "\nBase rate %.3f on %d hold-out leads.\n\n",
        m.evaluation().model().baseRate(), m.evaluation().model().count()));

    md.append("## Limits\n\n");
    md.append("- Trained on synthetic leads: the numbers above say the pipeline learns, not how it")
        .append(" ranks your leads. Retrain on your own labelled history before trusting scores.\n")
        .append("- English only: the encoder's vocabulary turns most other scripts into unknown")
        .append(" tokens (see `unknownTokenRatio`); such texts get an uninformed p(opportunity).\n")
        .append("- Probabilities come straight from XGBoost without a separate calibration step.\n")
        .append("- Reasons are a first-order conversion of log-odds SHAP values to score points.\n")
        .append("- Texts longer than ").append(m.encoder().maxTokens())
        .append(" tokens are truncated.\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String name, EvaluationMetrics e) {
    md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |\n",
        name, e.auc(), e.prAuc(), e.logLoss(), e.brier()));
  }
}
