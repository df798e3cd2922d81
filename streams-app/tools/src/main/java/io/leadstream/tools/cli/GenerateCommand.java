package io.leadstream.tools.cli;

import io.leadstream.app.io.LeadJsonWriter;
import io.leadstream.models.training.Language;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.demo.SampleFeed;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Writes synthetic lead events as JSON Lines, ready for {@code produce} or {@code demo --samples}.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic B2B lead events (seeded, realistic, with labels hidden) as JSON Lines.",
      "The bundled demo samples are: generate --leads 220 --follow-ups 60 --invalid 8 --seed 7 "
          + "--out streams-app/tools/src/main/resources/samples/demo-leads.jsonl",
      "The Chinese ones (after their hand-written first lines): generate --language zh --leads 150"
          + " --follow-ups 40 --invalid 4 --seed 8"
    })
final class GenerateCommand implements Callable<Integer> {

  @Option(
      names = "--leads",
      defaultValue = "220",
      description = "New leads (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--follow-ups",
      defaultValue = "60",
      description = "Later events of already seen leads (default: ${DEFAULT-VALUE}).")
  int followUps;

  @Option(
      names = "--invalid",
      defaultValue = "0",
      description =
          "Events with absurd values, to exercise the dead-letter topic (default: ${DEFAULT-VALUE}).")
  int invalid;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--language",
      paramLabel = "en|zh",
      defaultValue = "en",
      description = "Language of the notes and messages (default: ${DEFAULT-VALUE}).")
  String language;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The .jsonl file to write.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (leads < 1) {
      throw new IllegalArgumentException("--leads must be at least 1");
    }
    Language leadLanguage;
    try {
      leadLanguage = Language.of(language);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--language: " + e.getMessage());
    }
    List<LeadEvent> events = SampleFeed.generate(seed, leads, followUps, invalid, leadLanguage);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (LeadEvent event : events) {
        writer.write(LeadJsonWriter.toJsonLine(event));
        writer.newLine();
      }
    }
    spec.commandLine().getOut().printf("Wrote %d events to %s%n", events.size(), out);
    return 0;
  }
}
