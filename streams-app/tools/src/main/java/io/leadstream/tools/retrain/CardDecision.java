package io.leadstream.tools.retrain;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.inference.Sha256;
import io.leadstream.models.training.BundleTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the promotion decision to a trained bundle's model card, after training wrote it: a {@code
 * ## Promotion} section at its end, and the card's new hash in the manifest, written last.
 */
final class CardDecision {

  static final String SECTION = "## Promotion";

  private CardDecision() {}

  /**
   * Appends {@code text} (Markdown paragraphs) under {@value #SECTION} to the card in {@code
   * folder}.
   */
  static void append(Path folder, String text) {
    Path card = folder.resolve(BundleTrainer.MODEL_CARD_FILE);
    Path manifestFile = folder.resolve(BundleManifest.FILE_NAME);
    try {
      String content =
          Files.readString(card, StandardCharsets.UTF_8).stripTrailing()
              + "\n\n"
              + SECTION
              + "\n\n"
              + text.strip()
              + "\n";
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      Files.write(card, bytes);
      BundleManifest manifest = BundleManifest.fromJson(Files.readAllBytes(manifestFile));
      Map<String, String> files = new LinkedHashMap<>(manifest.files());
      files.put(BundleTrainer.MODEL_CARD_FILE, Sha256.of(bytes));
      Files.write(manifestFile, manifest.withFiles(files).toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot add the promotion decision to " + card + ": " + e.getMessage(), e);
    }
  }
}
