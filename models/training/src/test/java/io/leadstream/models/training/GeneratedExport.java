package io.leadstream.models.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Seeded CRM-like exports for tests: {@code id, won, visits, source, notes}. Whether a lead is won
 * depends on its visits and source as strongly as {@code signal} says (0: not at all).
 */
final class GeneratedExport {

  /** A mapping of the export's fields, without text. */
  static final String FIELDS_ONLY_MAPPING =
      """
      id: id
      label: {column: won, positive: ["yes"], negative: ["no"]}
      features:
        - {column: visits, type: numeric, label: website visits}
        - {column: source, type: categorical, label: lead source}
      exclude: [notes]
      """;

  private static final String[] SOURCES = {"referral", "web", "fair", "cold call"};
  private static final String[] NOTES = {
    "Asked for a price list.", "Wants a demo next week.", "No reply yet.", "Budget unclear."
  };

  private GeneratedExport() {}

  /** Writes {@code rows} leads to {@code dir/name}. */
  static Path write(Path dir, String name, int rows, long seed, double signal) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("id,won,visits,source,notes\n");
    for (int i = 0; i < rows; i++) {
      int visits = random.nextInt(30);
      String source = SOURCES[random.nextInt(SOURCES.length)];
      double logit = -0.4 + signal * ((visits - 15) / 5.0 + (source.equals("referral") ? 1 : -0.3));
      boolean won = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      csv.append("L")
          .append(i)
          .append(won ? ",yes," : ",no,")
          .append(visits)
          .append(',')
          .append(source)
          .append(',')
          .append(NOTES[random.nextInt(NOTES.length)])
          .append('\n');
    }
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes {@code content} to {@code dir/name}. */
  static Path text(Path dir, String name, String content) {
    Path file = dir.resolve(name);
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
