package io.leadstream.tools.cli;

import io.leadstream.models.bundle.BundleInit;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.FilesLock;
import io.leadstream.models.inference.HubRepo;
import io.leadstream.models.inference.ModelFile;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.TransformersJsT5;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.ColdStartPrior;
import io.leadstream.models.scoring.FieldPrior;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes a zero-shot bundle, or an encoder spec, that names a hub model's files. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write a bundle for a Hugging Face hub model without downloading anything: the model's"
          + " files are named as hf: sources and downloaded on the first load.",
      "",
      "Zero-shot (no labelled history):  bundle init --from hf:Xenova/flan-t5-small --kind"
          + " zero-shot --out models/bundles/cold-start",
      "  writes manifest.json and MODEL_CARD.md: Flan-T5 reads each lead's text through a yes/no"
          + " prompt on ONNX Runtime into p(yes); the score combines it with purchase intent,"
          + " budget and engagement through a hand-set logistic prior (fieldPrior in the manifest,"
          + " tunable; --prior text-only: score = 100 x p(yes)), fixed tiers (HOT >= 75, WARM >="
          + " 50, COLD >= 25). Serve it: demo --model-bundle models/bundles/cold-start",
      "Encoder for a trained bundle:  bundle init --from hf:Xenova/flan-t5-base --kind encoder"
          + " --out specs/flan-t5-base",
      "  writes encoder.json (mean pooling, L2-normalized), not a bundle: a head and a scorer"
          + " still have to be trained on your outcomes with"
          + " train --encoder specs/flan-t5-base/encoder.json --data ... --mapping ... --out ...",
      "",
      "Known by name, in the transformers.js layout: Xenova/flan-t5-small, Xenova/flan-t5-base,"
          + " Xenova/flan-t5-large. Another repository needs --layout transformers.js (and"
          + " --dimension for --kind encoder).",
      "",
      "Hashes: a file without --expect-sha256 is pinned on its first download: its sha256 and"
          + " size go into files.lock.json beside the manifest (logged as a warning), and every"
          + " later load must match them. Pin a commit with @<revision> in --from to keep the"
          + " repository from changing under the bundle. Downloads honour HF_ENDPOINT, HF_TOKEN,"
          + " -Dleadstream.hf.endpoint and -Dleadstream.cache.dir."
    })
final class BundleInitCommand implements Callable<Integer> {

  static final String ZERO_SHOT = "zero-shot";
  static final String ENCODER = "encoder";
  static final String FIELDS = "fields";
  static final String TEXT_ONLY = "text-only";

  @Option(
      names = "--from",
      required = true,
      paramLabel = "hf:OWNER/REPO[@REVISION]",
      description =
          "The hub repository, e.g. hf:Xenova/flan-t5-small (revision main unless given).")
  String from;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "zero-shot|encoder",
      description =
          "zero-shot: a text-only bundle scoring with the model's yes/no answer;"
              + " encoder: the encoder spec JSON that train --encoder takes.")
  String kind;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into; its name is the bundle name. Must not hold one yet.")
  Path out;

  @Option(
      names = "--layout",
      paramLabel = TransformersJsT5.LAYOUT,
      description =
          "How an unknown repository lays out its files: transformers.js, a T5-style model with"
              + " onnx/encoder_model.onnx, onnx/decoder_model.onnx and tokenizer.json.")
  String layout;

  @Option(
      names = "--dimension",
      paramLabel = "D_MODEL",
      description =
          "The model's hidden size (d_model), for --kind encoder of an unknown repository.")
  Integer dimension;

  @Option(
      names = "--prior",
      paramLabel = "fields|text-only",
      description =
          "--kind zero-shot: how a lead is scored. fields (default): p(yes) with purchase intent,"
              + " budget and engagement through hand-set weights written into the manifest;"
              + " text-only: 100 x p(yes).")
  String prior;

  @Option(
      names = "--expect-sha256",
      paramLabel = "FILE=SHA256",
      description =
          "A file's known SHA-256 (FILE is its path in the repository, e.g."
              + " onnx/encoder_model.onnx), written into the manifest instead of pinning it on the"
              + " first download; repeatable.")
  Map<String, String> expectSha256 = new LinkedHashMap<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    HubRepo repo = repo();
    OptionalInt known = TransformersJsT5.knownDimension(repo);
    checkLayout(repo, known);
    PrintWriter console = spec.commandLine().getOut();
    List<ModelFile> files;
    if (ZERO_SHOT.equals(kind)) {
      ZeroShotSpec zeroShot = TransformersJsT5.zeroShot(repo, hashes(TransformersJsT5.FILES));
      files = List.of(zeroShot.encoder(), zeroShot.decoderStep(), zeroShot.tokenizer());
      FieldPrior fields = TEXT_ONLY.equals(prior) ? null : ColdStartPrior.of(zeroShot.prior());
      Path written = BundleInit.zeroShot(out, repo.toString(), zeroShot, fields, Instant.now());
      console.printf(
          "Wrote %s: zero-shot bundle over %s (ONNX Runtime), scoring %s.%n",
          written, repo, fields == null ? "the text only" : "text and fields (fieldPrior)");
      console.printf("Serve it: leadstream demo --model-bundle %s%n", out);
    } else {
      List<String> used = List.of(TransformersJsT5.ENCODER, TransformersJsT5.TOKENIZER);
      EncoderSpec encoder = TransformersJsT5.encoder(repo, dimension(repo, known), hashes(used));
      files = List.of(encoder.model(), encoder.tokenizer());
      Path written = BundleInit.encoderSpec(out, encoder);
      console.printf("Wrote %s: the encoder of %s (mean pooling).%n", written, repo);
      console.printf(
          "Train a bundle on it: leadstream train --encoder %s --data <export.csv> --mapping"
              + " <mapping.yaml> --out <bundle folder>%n",
          written);
    }
    console.printf(
        "The files download on the first load into %s; %d without a known hash will be pinned"
            + " then in %s.%n",
        ModelSource.defaultCacheRoot(),
        files.stream().filter(file -> file.sha256() == null).count(),
        out.resolve(FilesLock.FILE_NAME));
    return 0;
  }

  private HubRepo repo() {
    if (!ZERO_SHOT.equals(kind) && !ENCODER.equals(kind)) {
      throw usage("--kind must be zero-shot or encoder, was '" + kind + "'");
    }
    if (prior != null && !ZERO_SHOT.equals(kind)) {
      throw usage("--prior is for --kind zero-shot only");
    }
    if (prior != null && !FIELDS.equals(prior) && !TEXT_ONLY.equals(prior)) {
      throw usage("--prior must be fields or text-only, was '" + prior + "'");
    }
    try {
      return HubRepo.parse(from);
    } catch (IllegalArgumentException e) {
      throw usage("--from: " + e.getMessage());
    }
  }

  private void checkLayout(HubRepo repo, OptionalInt known) {
    if (layout != null && !TransformersJsT5.LAYOUT.equals(layout)) {
      throw usage("--layout: only " + TransformersJsT5.LAYOUT + " is known, not '" + layout + "'");
    }
    if (known.isEmpty() && layout == null) {
      throw usage(
          repo.id()
              + " is not known by name (known: "
              + String.join(", ", new TreeSet<>(TransformersJsT5.KNOWN.keySet()))
              + "); if it is a T5-style model in the transformers.js layout, say"
              + " --layout transformers.js");
    }
  }

  private int dimension(HubRepo repo, OptionalInt known) {
    if (known.isPresent()) {
      if (dimension != null && dimension != known.getAsInt()) {
        throw usage(
            repo.id() + " has d_model " + known.getAsInt() + ", not --dimension " + dimension);
      }
      return known.getAsInt();
    }
    if (dimension == null || dimension < 1) {
      throw usage("--kind encoder of " + repo.id() + " needs --dimension (its d_model)");
    }
    return dimension;
  }

  /** The --expect-sha256 hashes, by file path, of the files this kind of bundle reads. */
  private Map<String, String> hashes(List<String> used) {
    Map<String, String> hashes = new LinkedHashMap<>();
    expectSha256.forEach(
        (file, hash) -> {
          if (!used.contains(file)) {
            throw usage(
                "--expect-sha256: '"
                    + file
                    + "' is not read by --kind "
                    + kind
                    + ", it reads "
                    + used);
          }
          String hex = hash.strip().toLowerCase(Locale.ROOT);
          if (hex.length() != 64 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw usage("--expect-sha256 " + file + ": '" + hash + "' is not 64 hex digits");
          }
          hashes.put(file, hex);
        });
    return hashes;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
