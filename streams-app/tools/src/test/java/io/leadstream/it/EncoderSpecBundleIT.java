package io.leadstream.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.tools.cli.LeadStreamCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `train --encoder SPEC.json` trains on any encoder a spec describes (here the tiny T5 fixture on
 * ONNX Runtime), writes a bundle that carries the encoder's files and names it, and the pipeline
 * serves it: train, then `demo --model-bundle`, every output scored by that bundle.
 */
class EncoderSpecBundleIT {

  private static final Path SPEC =
      Path.of("../../models/serving/src/test/resources/t5-tiny/encoder-onnx.json");

  @TempDir Path work;

  @Test
  void shouldTrainOnAnEncoderSpecAndServeTheBundle() throws Exception {
    Path bundle = work.resolve("t5-tiny-fields");
    StringWriter training = new StringWriter();
    int trained =
        run(
            training,
            "train",
            "--synthetic",
            "300",
            "--seed",
            "7",
            "--encoder",
            SPEC.toString(),
            "--out",
            bundle.toString());

    assertThat(trained).as(training.toString()).isZero();
    BundleManifest manifest =
        BundleManifest.fromJson(Files.readAllBytes(bundle.resolve(BundleManifest.FILE_NAME)));
    assertThat(manifest.encoder().model().source()).isEqualTo("encoder.onnx");
    assertThat(manifest.encoder().dimension()).isEqualTo(32);
    assertThat(bundle.resolve("encoder.onnx")).exists();
    assertThat(bundle.resolve("tokenizer.json")).exists();
    assertThat(manifest.files()).containsKeys("encoder.onnx", "tokenizer.json");

    StringWriter demo = new StringWriter();
    int served = run(demo, "demo", "--model-bundle", bundle.toString());

    assertThat(served).as(demo.toString()).isZero();
    assertThat(demo.toString())
        .contains("model " + manifest.version())
        .containsPattern("accounted for\\s+(\\d+) of \\1 ");
  }

  private static int run(StringWriter out, String... args) {
    CommandLine cli = LeadStreamCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }
}
