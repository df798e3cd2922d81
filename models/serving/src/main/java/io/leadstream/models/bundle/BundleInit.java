package io.leadstream.models.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.ModelFile;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.FeatureSpec;
import io.leadstream.models.scoring.FieldPrior;
import io.leadstream.models.scoring.TierPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes what {@code bundle init} makes of a hub model, without touching the network: a zero-shot
 * bundle folder ({@code manifest.json} and a short {@code MODEL_CARD.md}) scoring with a hand-set
 * {@link FieldPrior} over the zero-shot p(opportunity) and the lead's fields, or by the text alone;
 * or the encoder spec JSON that {@code train --encoder} takes. The model files stay on the hub; the
 * first load downloads them and pins those whose hash was not given.
 */
public final class BundleInit {

  /** The encoder spec's file name in its folder. */
  public static final String ENCODER_SPEC = "encoder.json";

  static final String MODEL_CARD = "MODEL_CARD.md";

  /** Fixed thresholds: there is no labelled history to place them. */
  static final TierPolicy TIERS = new TierPolicy(75, 50, 25);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private BundleInit() {}

  /**
   * Writes a zero-shot bundle into {@code out}, named after the folder.
   *
   * @param from the hub repository, for the model card
   * @param prior the scorer over p(opportunity) and the lead's fields; null to score text only
   * @return the manifest written
   * @throws IllegalArgumentException when {@code out} already holds a bundle or an encoder spec
   */
  public static Path zeroShot(
      Path out, String from, ZeroShotSpec spec, FieldPrior prior, Instant now) throws IOException {
    refuseExisting(out);
    String name = out.toAbsolutePath().normalize().getFileName().toString();
    String createdAt = now.truncatedTo(ChronoUnit.SECONDS).toString();
    byte[] card = modelCard(name, from, spec, prior, createdAt).getBytes(StandardCharsets.UTF_8);
    BundleManifest manifest =
        new BundleManifest(
            BundleManifest.FORMAT,
            name,
            name + "-zero-shot-" + createdAt.substring(0, 10),
            createdAt,
            null,
            null,
            null,
            null,
            TIERS,
            null,
            null,
            Map.of(MODEL_CARD, Sha256.of(card)),
            "fixed thresholds (no labelled history to place them): HOT >= 75, WARM >= 50,"
                + " COLD >= 25",
            null,
            null,
            spec,
            null,
            null,
            prior,
            null);
    Files.createDirectories(out);
    Files.write(out.resolve(MODEL_CARD), card);
    Path written = out.resolve(BundleManifest.FILE_NAME);
    Files.write(written, manifest.toJson());
    return written;
  }

  /**
   * Writes an encoder spec into {@code out}.
   *
   * @return the spec file written
   * @throws IllegalArgumentException when {@code out} already holds a bundle or an encoder spec
   */
  public static Path encoderSpec(Path out, EncoderSpec spec) throws IOException {
    refuseExisting(out);
    Files.createDirectories(out);
    Path written = out.resolve(ENCODER_SPEC);
    JSON.writeValue(written.toFile(), spec);
    return written;
  }

  private static void refuseExisting(Path out) {
    for (String file : List.of(BundleManifest.FILE_NAME, ENCODER_SPEC)) {
      if (Files.exists(out.resolve(file))) {
        throw new IllegalArgumentException(
            out + " already holds " + file + "; choose another folder or delete it first");
      }
    }
  }

  private static String fieldPrior(FieldPrior prior) {
    String terms =
        prior.terms().stream()
            .map(
                t ->
                    String.format(
                        Locale.ROOT,
                        "| %s | `%s` | %s | %s | %s | %s | %+.2f |",
                        t.label(),
                        t.source(),
                        t.transform() == FeatureSpec.Transform.LOG1P ? "log1p" : "",
                        number(t.low()),
                        number(t.high()),
                        number(t.reference()),
                        t.weight()))
            .collect(Collectors.joining("\n"));
    return String.format(
        Locale.ROOT,
        "## Field prior\n\n"
            + "Score = round(100 x p) of a logistic model with hand-set weights (`fieldPrior` in"
            + " the manifest; not fitted to any data, tune it there): log-odds = %.2f + the sum of"
            + " weight x (x(value) - x(reference)), where x scales a field to [0, 1] between low"
            + " and high (after the transform), clipped; a missing field counts as its reference."
            + " Each term's part is its contribution in the reasons, in score points.\n\n"
            + "| term | source | transform | low | high | reference | weight (log-odds) |\n"
            + "|---|---|---|---|---|---|---|\n%s\n\n",
        prior.intercept(),
        terms);
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.valueOf(value);
  }

  private static String modelCard(
      String name, String from, ZeroShotSpec spec, FieldPrior prior, String createdAt) {
    List<ModelFile> files = List.of(spec.encoder(), spec.decoderStep(), spec.tokenizer());
    String pinned =
        files.stream()
            .map(
                f ->
                    "  - `"
                        + f.source()
                        + "`"
                        + (f.sha256() == null ? " (pinned on first load)" : ""))
            .collect(Collectors.joining("\n"));
    return "# "
        + name
        + ": zero-shot opportunity reading with "
        + from
        + "\n\n"
        + "Written by `leadstream bundle init` on "
        + createdAt
        + ". Nothing was trained or evaluated: no labelled lead has been scored by this bundle.\n\n"
        + "- **Text**: p(opportunity) = softmax over the answer pieces "
        + spec.yesAnswers()
        + " against "
        + spec.noAnswers()
        + " after one decoder step from the start id, on "
        + spec.engine()
        + ". Prompt: `"
        + spec.promptTemplate().replace("\n", "\\n")
        + "`. Blank or unreadable text (over 30 % unknown tokens) gets the prior "
        + spec.prior()
        + " (`zeroShot.prior` in the manifest; set it to the share of leads that become"
        + " opportunities).\n"
        + (prior == null
            ? "- **Score**: round(100 x p). Structured fields are not read."
            : "- **Score**: p and the lead's fields through the hand-set field prior below.")
        + " Tiers at fixed thresholds HOT >= "
        + TIERS.hot()
        + ", WARM >= "
        + TIERS.warm()
        + ", COLD >= "
        + TIERS.cold()
        + ".\n"
        + "- **Files**, downloaded from the hub on the first load into the model cache; a file"
        + " without a sha256 in the manifest is pinned then in `files.lock.json` beside it, and"
        + " every later load must match:\n"
        + pinned
        + "\n\n"
        + (prior == null ? "" : fieldPrior(prior))
        + "Before trusting the tiers, score a few hundred leads whose outcome is known"
        + " (`leadstream prompts` measures each prompt's AUC on them); once outcomes exist,"
        + " `leadstream train` makes a trained bundle to replace this one.\n";
  }
}
