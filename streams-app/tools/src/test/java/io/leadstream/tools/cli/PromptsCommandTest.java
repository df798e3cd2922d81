package io.leadstream.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.evaluation.ClassificationMetrics;
import io.leadstream.models.inference.ModelSource;
import io.leadstream.models.inference.ZeroShotOpportunity;
import io.leadstream.models.inference.ZeroShotSpec;
import io.leadstream.models.scoring.LeadText;
import io.leadstream.models.training.crm.CrmTrainingSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code prompts} on the tiny T5 fixture bundle (random weights: the AUCs mean nothing) and a small
 * export: it runs end to end, and each prompt's AUC is that of the prompt's own p under {@link
 * ClassificationMetrics}, computed here through a model loaded with that prompt.
 */
class PromptsCommandTest {

  private static final String[] PHRASES = {
    "please send a quote for 40 seats",
    "budget approved",
    "we want to sign next week",
    "I am a student writing a thesis",
    "unsubscribe",
    "interested in a demo",
    "need pricing for the enterprise plan",
    "thanks for the call",
    "spam",
    "renewal of licenses"
  };
  private static final Pattern ROW =
      Pattern.compile("^\\s+(\\d+)\\s+(\\d\\.\\d{4})\\s", Pattern.MULTILINE);

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintEachPromptsAucAsClassificationMetricsComputesIt() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("cold-start"));
    Files.write(
        bundle.resolve(BundleManifest.FILE_NAME), resource("bundles/t5-zero-shot/manifest.json"));
    Path export = writeExport(dir.resolve("export.csv"), 60);
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        "id: Lead\nlabel: {column: Converted, positive: [\"1\"], negative: [\"0\"]}\ntext: [Notes]\n");
    Path prompts = dir.resolve("prompts.txt");
    Files.writeString(
        prompts,
        "# two more\nIs this lead going to buy? yes or no\\n\\n{text}\n\n{text} Answer: yes or no\n");

    int code =
        run(
            "prompts",
            "--bundle",
            bundle,
            "--data",
            export,
            "--mapping",
            mapping,
            "--prompts",
            prompts);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("AUC of each prompt on 60 leads")
        .contains("2 without readable text get the prior 0.20")
        .contains("(the bundle's)")
        .contains("Is this lead going to buy? yes or no\\n\\n{text}")
        .containsPattern("prompt 3 +\\[#+\\] 100%  60/60");
    ZeroShotSpec spec =
        BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)))
            .zeroShot();
    List<String> templates =
        List.of(
            spec.promptTemplate(),
            "Is this lead going to buy? yes or no\n\n{text}",
            "{text} Answer: yes or no");
    CrmTrainingSet set = CrmTrainingSet.read(export, mapping);
    List<String> texts = set.set().leads().stream().map(l -> LeadText.of(l.event())).toList();
    List<Double> printed = printedAucs();
    assertThat(printed).hasSize(3);
    for (int t = 0; t < templates.size(); t++) {
      double expected =
          ClassificationMetrics.auc(
              probabilities(spec.withPromptTemplate(templates.get(t)), bundle, texts),
              set.set().labels());
      assertThat(printed.get(t)).as(templates.get(t)).isCloseTo(expected, within(5e-5));
    }
    assertThat(printed.get(0)).isNotEqualTo(printed.get(1));
  }

  @Test
  void shouldRefuseABundleThatIsNotZeroShot() throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("default"));
    Files.write(
        bundle.resolve(BundleManifest.FILE_NAME), resource("bundles/default/manifest.json"));

    int code =
        run(
            "prompts",
            "--bundle",
            bundle,
            "--data",
            dir.resolve("x.csv"),
            "--mapping",
            dir.resolve("m.yaml"));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not zero-shot");
  }

  /** p per text as the fixture model reads it alone; blank texts get the spec's prior. */
  private static double[] probabilities(ZeroShotSpec spec, Path bundle, List<String> texts) {
    double[] p = new double[texts.size()];
    try (ZeroShotOpportunity model =
        ZeroShotOpportunity.load(spec, ModelSource.forFolder(bundle))) {
      for (int i = 0; i < p.length; i++) {
        p[i] = texts.get(i).isBlank() ? spec.prior() : model.probability(texts.get(i));
      }
    }
    return p;
  }

  private List<Double> printedAucs() {
    List<Double> aucs = new ArrayList<>();
    Matcher row = ROW.matcher(out.toString());
    while (row.find()) {
      aucs.add(Double.parseDouble(row.group(2)));
    }
    return aucs;
  }

  private static Path writeExport(Path file, int leads) throws IOException {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("Lead,Converted,Notes\n");
    for (int i = 0; i < leads; i++) {
      String notes =
          i < 2
              ? ""
              : PHRASES[random.nextInt(PHRASES.length)]
                  + " "
                  + PHRASES[random.nextInt(PHRASES.length)];
      csv.append("L")
          .append(i)
          .append(',')
          .append(random.nextInt(3) == 0 ? 1 : 0)
          .append(',')
          .append(notes)
          .append('\n');
    }
    Files.writeString(file, csv);
    return file;
  }

  private int run(Object... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(Arrays.stream(args).map(Object::toString).toArray(String[]::new));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PromptsCommandTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
