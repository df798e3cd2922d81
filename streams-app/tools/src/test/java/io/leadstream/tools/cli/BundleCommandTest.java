package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.models.BundleException;
import io.leadstream.models.bundle.BundleInit;
import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.bundle.LeadScorer;
import io.leadstream.models.bundle.ModelBundle;
import io.leadstream.models.inference.EncoderModel;
import io.leadstream.models.inference.EncoderSpec;
import io.leadstream.models.inference.FakeHub;
import io.leadstream.models.inference.FilesLock;
import io.leadstream.models.inference.HubSettings;
import io.leadstream.models.inference.InferenceOptions;
import io.leadstream.models.inference.LocatedEncoder;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.inference.TextEncoder;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.ColdStartPrior;
import io.leadstream.models.scoring.LeadScore;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.scoring.TestLeads;
import io.leadstream.models.scoring.TextSignal;
import io.leadstream.schema.LeadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code bundle init} against the loopback {@link FakeHub}, whose {@code leadstream/flan-t5-tiny}
 * holds the tiny T5 fixture in the transformers.js layout: the bundle it writes loads, pins its
 * files on the first load, verifies them offline afterwards, fails on a changed file, and scores a
 * lead as Python's reference says.
 */
class BundleCommandTest {

  private static final String FROM = "hf:" + FakeHub.OWNER + "/" + FakeHub.TRANSFORMERS_JS_REPO;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path cache;

  private FakeHub hub;
  private Path bundle;
  private String endpointBefore;
  private String cacheBefore;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger sourceLog = (Logger) LoggerFactory.getLogger(ModelSource.class);
  private Level sourceLevelBefore;

  @BeforeEach
  void startHub() throws IOException {
    hub = FakeHub.start();
    bundle = dir.resolve("cold-start");
    endpointBefore = System.setProperty(HubSettings.ENDPOINT_PROPERTY, hub.endpoint().toString());
    cacheBefore = System.setProperty(ModelSource.CACHE_DIR_PROPERTY, cache.toString());
    log.start();
    sourceLog.addAppender(log);
    // a command run earlier in this JVM may have quieted io.leadstream for its console report
    sourceLevelBefore = sourceLog.getLevel();
    sourceLog.setLevel(Level.WARN);
  }

  @AfterEach
  void stopHub() {
    sourceLog.detachAppender(log);
    sourceLog.setLevel(sourceLevelBefore);
    hub.close();
    restore(HubSettings.ENDPOINT_PROPERTY, endpointBefore);
    restore(ModelSource.CACHE_DIR_PROPERTY, cacheBefore);
  }

  @Test
  void shouldInitAZeroShotBundleThatPinsOnFirstLoadAndScoresAsPython() throws IOException {
    int code =
        init("--from", FROM, "--kind", "zero-shot", "--layout", "transformers.js", "--out", bundle);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Wrote " + bundle.resolve(BundleManifest.FILE_NAME))
        .contains("3 without a known hash will be pinned");
    ZeroShotSpec spec = manifest().zeroShot();
    assertThat(spec.engine()).isEqualTo("OnnxRuntime");
    assertThat(spec.decoderStep().source()).isEqualTo(FROM + "/onnx/decoder_model.onnx");
    assertThat(spec.decoderStep().sha256()).isNull();
    assertThat(Files.readString(bundle.resolve(BundleManifest.FILE_NAME)))
        .doesNotContain("sha256\" : null");

    JsonNode reference = reference().at("/zero_shot/cases/1");
    double python = reference.get("p_yes_word_start_answers").asDouble();
    assertThat(scoreOnce(reference.get("text").asText())).isCloseTo(python, within(1e-5));
    JsonNode lock = JSON.readTree(bundle.resolve(FilesLock.FILE_NAME).toFile()).get("files");
    assertThat(lock.get(FROM + "/onnx/decoder_model.onnx").get("sha256").asText())
        .isEqualTo(Sha256.of(FakeHub.fixture("decoder_model.onnx")));
    assertThat(lock.get(FROM + "/tokenizer.json").get("revision").asText())
        .isEqualTo(FakeHub.COMMIT);
    assertThat(warnings())
        .hasSize(3)
        .allMatch(line -> line.startsWith("pinned on first download: " + FROM + "/"));

    hub.close();
    assertThat(scoreOnce(reference.get("text").asText()))
        .as("offline, verified against the lock")
        .isCloseTo(python, within(1e-5));
    assertThat(warnings()).as("pinned once").hasSize(3);
  }

  @Test
  void shouldScoreTextAndFieldsByDefaultAndTheTextAloneWithPriorTextOnly() throws IOException {
    init("--from", FROM, "--kind", "zero-shot", "--layout", "transformers.js", "--out", bundle);
    Path textOnly = bundle.resolveSibling("text-only");
    init(
        "--from",
        FROM,
        "--kind",
        "zero-shot",
        "--layout",
        "transformers.js",
        "--out",
        textOnly,
        "--prior",
        "text-only");

    assertThat(manifest().fieldPrior()).isEqualTo(ColdStartPrior.of(ZeroShotSpec.DEFAULT_PRIOR));
    assertThat(Files.readString(bundle.resolve("MODEL_CARD.md")))
        .contains("## Field prior")
        .contains("| purchase intent | `purchaseIntent` |");
    LeadEvent keen =
        TestLeads.bare("keen").setNotes("Send the contract.").setPurchaseIntent(5).build();
    LeadEvent cool =
        TestLeads.bare("cool").setNotes("Send the contract.").setPurchaseIntent(1).build();
    assertThat(scoreOf(bundle, keen)).isGreaterThan(scoreOf(bundle, cool));
    assertThat(scoreOf(textOnly, keen)).isEqualTo(scoreOf(textOnly, cool));
    assertThat(
            BundleManifest.fromJson(Files.readAllBytes(textOnly.resolve(BundleManifest.FILE_NAME)))
                .scoresTextOnly())
        .isTrue();
    assertThat(
            init(
                "--from",
                FROM,
                "--kind",
                "encoder",
                "--dimension",
                "32",
                "--layout",
                "transformers.js",
                "--out",
                bundle.resolveSibling("spec"),
                "--prior",
                "fields"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--prior is for --kind zero-shot only");
  }

  private static int scoreOf(Path folder, LeadEvent lead) {
    try (ModelBundle loaded = ModelBundle.load(folder);
        LeadScorer scorer = loaded.newScorer()) {
      return scorer.score(lead, scorer.readText(LeadText.of(lead))).score();
    }
  }

  @Test
  void shouldRefuseAFileThatChangedOnTheHubAfterItWasPinned() throws IOException {
    init("--from", FROM, "--kind", "zero-shot", "--layout", "transformers.js", "--out", bundle);
    ModelBundle.load(bundle).close();
    String pinned = Sha256.of(FakeHub.fixture("decoder_model.onnx"));
    clearCache();
    hub.corrupt("decoder_model.onnx");

    assertThatThrownBy(() -> ModelBundle.load(bundle))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(FROM + "/onnx/decoder_model.onnx: downloaded content does not match")
        .hasMessageContaining("files.lock.json")
        .hasMessageContaining("sha256 " + pinned + ")")
        .hasMessageMatching("(?s).*\\(size \\d+, sha256 (?!" + pinned + ")[0-9a-f]{64};.*");
  }

  @Test
  void shouldWriteExpectedHashesAndFailTheLoadOnAWrongOne() throws IOException {
    String tokenizer = Sha256.of(FakeHub.fixture("tokenizer.json"));
    String wrong = "ab".repeat(32);

    int code =
        init(
            "--from",
            FROM,
            "--kind",
            "zero-shot",
            "--layout",
            "transformers.js",
            "--expect-sha256",
            "tokenizer.json=" + tokenizer.toUpperCase(Locale.ROOT),
            "--expect-sha256",
            "onnx/decoder_model.onnx=" + wrong,
            "--out",
            bundle);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1 without a known hash");
    ZeroShotSpec spec = manifest().zeroShot();
    assertThat(spec.tokenizer().sha256()).isEqualTo(tokenizer);
    assertThat(spec.decoderStep().sha256()).isEqualTo(wrong);
    assertThatThrownBy(() -> ModelBundle.load(bundle))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining(FROM + "/onnx/decoder_model.onnx: downloaded content does not match")
        .hasMessageContaining("the manifest")
        .hasMessageContaining("expected sha256 " + wrong + ")");
  }

  @Test
  void shouldWriteAnEncoderSpecThatTrainAccepts() throws IOException {
    int code =
        init(
            "--from",
            FROM,
            "--kind",
            "encoder",
            "--layout",
            "transformers.js",
            "--dimension",
            "32",
            "--out",
            bundle);

    assertThat(code).as(err.toString()).isZero();
    Path specFile = bundle.resolve(BundleInit.ENCODER_SPEC);
    assertThat(out.toString()).contains("train --encoder " + specFile);
    LocatedEncoder located = LocatedEncoder.of(specFile.toString());
    JsonNode embeddings = reference().at("/embeddings");
    try (EncoderModel model = located.load(InferenceOptions.ENGINE_DEFAULT);
        TextEncoder encoder = model.newEncoder()) {
      float[] vector = encoder.embed(List.of(embeddings.at("/texts/0").asText())).get(0).vector();
      for (int d = 0; d < vector.length; d++) {
        assertThat((double) vector[d])
            .isCloseTo(embeddings.at("/vectors/0/" + d).asDouble(), within(1e-4));
      }
    }
    assertThat(located.pinned().model().sha256())
        .isEqualTo(Sha256.of(FakeHub.fixture("encoder.onnx")));
  }

  @Test
  void shouldKnowFlanT5ByName() throws IOException {
    int code =
        init("--from", "hf:Xenova/flan-t5-base@abc123", "--kind", "encoder", "--out", bundle);

    assertThat(code).as(err.toString()).isZero();
    EncoderSpec spec =
        JSON.readValue(bundle.resolve(BundleInit.ENCODER_SPEC).toFile(), EncoderSpec.class);
    assertThat(spec.dimension()).isEqualTo(768);
    assertThat(spec.model().source())
        .isEqualTo("hf:Xenova/flan-t5-base/onnx/encoder_model.onnx@abc123");
    assertThat(spec.tokenizer().source()).isEqualTo("hf:Xenova/flan-t5-base/tokenizer.json@abc123");
    assertThat(hub.requests()).isEmpty();
  }

  @Test
  void shouldRefuseWhatItCannotWrite() {
    assertThat(init("--from", "hf:someone/model", "--kind", "zero-shot", "--out", bundle))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("someone/model is not known by name (known: Xenova/flan-t5-base,")
        .contains("--layout transformers.js");

    assertThat(
            init(
                "--from",
                FROM,
                "--kind",
                "encoder",
                "--layout",
                "transformers.js",
                "--out",
                bundle))
        .isEqualTo(2);
    assertThat(err.toString()).contains("needs --dimension (its d_model)");

    assertThat(init("--from", "Xenova/flan-t5-small", "--kind", "zero-shot", "--out", bundle))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("'Xenova/flan-t5-small' is not a hub repository; expected hf:<owner>/<repo>");

    assertThat(
            init(
                "--from",
                "hf:Xenova/flan-t5-small",
                "--kind",
                "encoder",
                "--expect-sha256",
                "onnx/decoder_model.onnx=" + "0".repeat(64),
                "--out",
                bundle))
        .isEqualTo(2);
    assertThat(err.toString()).contains("'onnx/decoder_model.onnx' is not read by --kind encoder");
    assertThat(bundle).doesNotExist();
  }

  @Test
  void shouldExplainItselfInItsHelp() {
    assertThat(init("--help")).isZero();
    assertThat(out.toString())
        .contains("Xenova/flan-t5-small")
        .contains("train --encoder")
        .contains("files.lock.json")
        .contains("--expect-sha256");
  }

  /** p(opportunity) the loaded bundle reads from a lead saying {@code text}. */
  private double scoreOnce(String text) {
    try (ModelBundle loaded = ModelBundle.load(bundle);
        LeadScorer scorer = loaded.newScorer()) {
      LeadEvent lead = TestLeads.bare("lead").setNotes(text).build();
      TextSignal read = scorer.readText(LeadText.of(lead));
      LeadScore score = scorer.score(lead, read);
      assertThat(score.score()).isEqualTo((int) Math.round(100 * score.probability()));
      return read.opportunityProbability();
    }
  }

  private int init(Object... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 2];
    command[0] = "bundle";
    command[1] = "init";
    for (int i = 0; i < args.length; i++) {
      command[i + 2] = args[i].toString();
    }
    return cli.execute(command);
  }

  private BundleManifest manifest() throws IOException {
    return BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
  }

  private static JsonNode reference() throws IOException {
    try (InputStream in =
        BundleCommandTest.class.getClassLoader().getResourceAsStream("t5-tiny/reference.json")) {
      return JSON.readTree(in);
    }
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private void clearCache() throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
