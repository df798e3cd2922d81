package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.leadstream.app.cli.GpuProbeLogging;
import io.leadstream.models.bundle.BundleManifest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** `train` on a CRM export: the worked example's mapping on its small sample, promotion, errors. */
class TrainCommandTest {

  private static final Path SAMPLE =
      Path.of("../../models/training/src/test/resources/crm/x-education-sample.csv");
  private static final Path MAPPING =
      Path.of("../../docs/examples/x-education/mapping-pre-contact.yaml");

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int train(String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] command = new String[args.length + 1];
    command[0] = "train";
    System.arraycopy(args, 0, command, 1, args.length);
    return cli.execute(command);
  }

  @Test
  void shouldTrainOnAnExportAndPromoteOnlyABetterBundle() throws Exception {
    Path bundle = dir.resolve("xe");

    int first =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            MAPPING.toString(),
            "--out",
            bundle.toString());

    assertThat(first).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("402 rows read, 402 leads used")
        .contains("logistic regression, same features")
        .contains("Wrote " + bundle);
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.training().generator()).isEqualTo("x-education-sample.csv");
    assertThat(manifest.features().features())
        .extracting(f -> f.source())
        .contains("attributes.Lead Origin", "engagement.websiteVisits");

    // the same data and seed give the same AUC: not better, so not promoted
    int again =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            MAPPING.toString(),
            "--out",
            bundle.toString());

    assertThat(again).isEqualTo(TrainCommand.NOT_PROMOTED);
    assertThat(out.toString()).contains("not promoted (use --force to replace it anyway)");
    assertThat(dir.resolve("xe.candidate").resolve(BundleManifest.FILE_NAME)).exists();

    int forced =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            MAPPING.toString(),
            "--out",
            bundle.toString(),
            "--force");

    assertThat(forced).isZero();
    assertThat(out.toString()).contains("promoted (--force)");
    assertThat(dir.resolve("xe.candidate")).doesNotExist();
  }

  @Test
  void shouldNotWarnAboutAMissingGpuUnlessOneWasAskedFor() {
    assumeTrue(System.getenv("CUDA_VISIBLE_DEVICES") == null, "a GPU is asked for here");
    Logger probe = (Logger) LoggerFactory.getLogger("ai.djl.util.cuda.CudaUtils");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    probe.addAppender(events);
    try {
      probe.setLevel(Level.WARN);
      GpuProbeLogging.quietUnlessAskedFor(Map.of("CUDA_VISIBLE_DEVICES", "0"));
      ai.djl.util.cuda.CudaUtils.getGpuCount();
      int askedFor = events.list.size();

      int exit = train("--synthetic", "300", "--out", dir.resolve("cpu").toString());
      events.list.clear();
      ai.djl.util.cuda.CudaUtils.getGpuCount();

      assertThat(exit).as(err.toString()).isZero();
      assertThat(GpuProbeLogging.PROBES)
          .allSatisfy(
              name ->
                  assertThat(((Logger) LoggerFactory.getLogger(name)).getLevel())
                      .isEqualTo(Level.ERROR));
      assertThat(events.list).isEmpty();
      // where a CUDA library is installed but finds no GPU, the probe does warn when asked
      assumeTrue(askedFor > 0, "no CUDA library here: the probe is silent anyway");
    } finally {
      probe.detachAppender(events);
      probe.setLevel(null);
    }
  }

  @Test
  void shouldTrainTheWorkedMultiTableExampleAsDocsTrainingMdShowsIt() throws Exception {
    Path pipeline = Path.of("../../docs/examples/crm-pipeline");
    Path bundle = dir.resolve("pipeline");

    int exit =
        train(
            "--data",
            pipeline.resolve("deals.csv").toString(),
            "--mapping",
            pipeline.resolve("mapping.yaml").toString(),
            "--out",
            bundle.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("2,000 rows read, 2,000 leads used (852 converted, 42.6 %)")
        .contains("warning: deals.csv: 99 of 2,000 rows have no 'account'")
        .contains("'GTXPro' (143 rows; products.csv has 'GTX Pro')")
        .contains(
            "note: Joined sales_teams.csv (20 rows, 2 columns) by 'sales_agent': 2,000 of"
                + " 2,000 rows of deals.csv matched")
        .contains("this bundle (fields only)")
        .containsPattern(
            "revenue from client, past 2 years: (none|under 50k USD|50k-400k USD"
                + "|400k-1.5M USD|over 1.5M USD) [+-]\\d+");
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.encoder()).isNull();
    assertThat(manifest.training().notes()).hasSize(3);
    assertThat(manifest.features().features())
        .extracting(f -> f.label())
        .contains("revenue from client, past 2 years", "competitor");
    // the figures docs/training.md reports
    assertThat(manifest.evaluation().model().auc()).isCloseTo(0.694, within(0.0005));
    assertThat(manifest.evaluation().baselines().get("logistic regression, same features").auc())
        .isCloseTo(0.669, within(0.0005));
  }

  @Test
  void shouldTrainARegressionOnAContinuousLabel() throws Exception {
    Path mapping = dir.resolve("time-on-site.yaml");
    Files.writeString(
        mapping,
        """
        id: Prospect ID
        label: {column: Total Time Spent on Website, type: continuous}
        missing: ["", "Select"]
        features:
          - {column: TotalVisits, type: numeric}
          - {column: Page Views Per Visit, type: numeric}
          - {column: Lead Origin, type: categorical}
        """);

    int exit =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("time").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "Regression, hold-out:",
            "ridge regression, same features",
            "mean of the training targets (no model)");
    BundleManifest manifest =
        BundleManifest.fromJson(
            Files.readAllBytes(dir.resolve("time").resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.objective().name()).isEqualTo("REGRESSION");
  }

  @Test
  void shouldWarnAboutAColumnThatGivesTheOutcomeAway() throws Exception {
    Path export = dir.resolve("leaky.csv");
    StringBuilder csv = new StringBuilder("id,won,stage,visits\n");
    Random random = new Random(3);
    for (int i = 0; i < 400; i++) {
      boolean won = random.nextDouble() < 0.4;
      csv.append("L")
          .append(i)
          .append(won ? ",yes," : ",no,")
          .append(won ? "closed won" : "open")
          .append(',')
          .append(random.nextInt(20))
          .append('\n');
    }
    Files.writeString(export, csv);
    Path mapping = dir.resolve("leaky.yaml");
    Files.writeString(
        mapping,
        """
        id: id
        label: {column: won, positive: ["yes"], negative: ["no"]}
        features:
          - {column: stage, type: categorical}
          - {column: visits, type: numeric}
        """);

    int exit =
        train(
            "--data",
            export.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("leaky").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Warning: column 'stage' alone ranks the validation leads" + " with AUC 1.000")
        .contains("leakage");
    BundleManifest manifest =
        BundleManifest.fromJson(
            Files.readAllBytes(dir.resolve("leaky").resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.evaluation().warnings()).anySatisfy(w -> assertThat(w).contains("'stage'"));
  }

  @Test
  void shouldSayLoudlyThatFieldsWithoutSignalDoNotPredictAndWhatWasReadAsMissing()
      throws Exception {
    Path export = dir.resolve("noise.csv");
    StringBuilder csv = new StringBuilder("id,won,visits,competitor\n");
    Random random = new Random(5);
    for (int i = 0; i < 600; i++) {
      csv.append("L")
          .append(i)
          .append(random.nextDouble() < 0.4 ? ",yes," : ",no,")
          .append(random.nextInt(30))
          .append(',')
          .append(i % 8 == 0 ? "None" : "Acme")
          .append('\n');
    }
    Files.writeString(export, csv);
    Path mapping = dir.resolve("noise.yaml");
    Files.writeString(
        mapping,
        """
        id: id
        label: {column: won, positive: ["yes"], negative: ["no"]}
        missing: ["", "None"]
        features:
          - {column: visits, type: numeric}
          - {column: competitor, type: categorical}
        """);

    int exit =
        train(
            "--data",
            export.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("noise").toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "  note: 'None' in column 'competitor' (75 rows, 12.5 %) is read as missing"
                + " (listed under `missing:`)")
        .contains("this bundle (fields only)")
        .containsPattern(
            "AUC of this bundle: 95 % interval 0\\.\\d{3}-0\\.\\d{3} \\(0.5 = chance\\)")
        .containsPattern("this bundle +p >= 0.5 +\\d+ +0\\.\\d{3} ")
        .containsPattern("this bundle +HOT cut +\\d+ ")
        .contains("*** NO SIGNAL: These fields do not predict the outcome.");
  }

  @Test
  void shouldRefuseAConstantLabelWithAClearMessage() throws Exception {
    Path export = dir.resolve("export.csv");
    StringBuilder csv = new StringBuilder("id,won,visits\n");
    for (int i = 0; i < 200; i++) {
      csv.append("L").append(i).append(",no,").append(i % 7).append('\n');
    }
    Files.writeString(export, csv);
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        """
        id: id
        label: {column: won, positive: ["yes"], negative: ["no"]}
        features:
          - {column: visits, type: numeric}
        """);

    int exit =
        train(
            "--data",
            export.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("never").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString())
        .contains("the label is constant: all 200 leads are labelled not converted");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void shouldNameAnUnknownColumnAndTheClosestOne() throws Exception {
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        """
        id: Prospect ID
        label: {column: Converted, positive: ["1"], negative: ["0"]}
        features:
          - {column: TotalVisit, type: numeric}
        """);

    int exit =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            mapping.toString(),
            "--out",
            dir.resolve("never").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("'TotalVisit'").contains("did you mean 'TotalVisits'?");
  }

  @Test
  void shouldTrainOnChineseLeadsWithMiniLmAndSayTheirTextIsUnreadable() throws Exception {
    Path bundle = dir.resolve("zh-minilm");

    int exit = train("--synthetic", "300", "--language", "zh", "--out", bundle.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Generating 300 synthetic leads (seed 42, Chinese)")
        .contains("Note: MiniLM reads English")
        .containsPattern("Warning: [\\d,]+ of [\\d,]+ texts are not readable by the encoder");
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.training().generator()).isEqualTo("SyntheticLeadGenerator (zh)");
    assertThat(manifest.encoder().dimension()).isEqualTo(384);
    assertThat(Files.readString(bundle.resolve("MODEL_CARD.md")))
        .contains("chooses the Chinese phrases")
        .contains("English only");
  }

  @Test
  void shouldRefuseALanguageForAnExportAndAnUnknownEncoder() {
    int language =
        train(
            "--data",
            SAMPLE.toString(),
            "--mapping",
            MAPPING.toString(),
            "--language",
            "zh",
            "--out",
            dir.resolve("never").toString());
    int encoder =
        train("--synthetic", "300", "--encoder", "bert", "--out", dir.resolve("never").toString());
    int unknownLanguage =
        train("--synthetic", "300", "--language", "fr", "--out", dir.resolve("never").toString());

    assertThat(List.of(language, encoder, unknownLanguage)).containsOnly(2);
    assertThat(err.toString())
        .contains("--language chooses the phrases of --synthetic leads")
        .contains(
            "--encoder: unknown encoder 'bert', expected one of minilm, minilm-q, bge-small-zh, or an encoder spec JSON file")
        .contains("--language: unknown language 'fr', expected one of en, zh");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void shouldRejectConflictingTierOptions() {
    int exit =
        train(
            "--synthetic",
            "300",
            "--hot-score",
            "80",
            "--capacity",
            "20",
            "--out",
            dir.resolve("never").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("give --hot-score or --capacity, not both");
  }
}
