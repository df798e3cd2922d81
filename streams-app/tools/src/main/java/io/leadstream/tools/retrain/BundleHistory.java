package io.leadstream.tools.retrain;

import io.leadstream.models.bundle.BundleManifest;
import io.leadstream.models.training.BundlePromotion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions a bundle folder held before its current one, kept beside it in {@code
 * <name>.versions/<sequence>-<version>/}, the sequence counting up as versions are replaced. Every
 * change of the folder is a pair of atomic renames on one file system ({@link
 * BundlePromotion#promote(Path, Path, Path)}): the current bundle into the history, then the new
 * one into the folder; so mount the folder's parent, not the folder itself, as a volume. The files
 * are moved, never rewritten: a version restored is byte for byte the one replaced.
 */
public final class BundleHistory {

  /** Versions kept by default. */
  public static final int DEFAULT_KEEP = 5;

  private static final Pattern ENTRY = Pattern.compile("(\\d+)-(.+)");

  private final Path bundle;
  private final Path folder;

  /** The history of the bundle folder {@code bundle}. */
  public BundleHistory(Path bundle) {
    this.bundle = bundle.toAbsolutePath().normalize();
    this.folder = this.bundle.resolveSibling(this.bundle.getFileName() + ".versions");
  }

  /**
   * A version kept.
   *
   * @param sequence its place in the history, higher for later replaced
   * @param version the manifest's version
   * @param folder where its files are
   * @param manifest its manifest, the card's figures
   */
  public record Version(int sequence, String version, Path folder, BundleManifest manifest) {}

  /**
   * What a change of the bundle folder did.
   *
   * @param installed the version now in the bundle folder
   * @param replaced the version it replaced, now kept in the history; null when the folder held
   *     none
   */
  public record Change(String installed, String replaced) {}

  /** The folder the versions are kept in. */
  public Path folder() {
    return folder;
  }

  /** The versions kept, the latest replaced first. */
  public List<Version> versions() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Version> versions = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        Matcher name = ENTRY.matcher(entry.getFileName().toString());
        if (name.matches() && BundlePromotion.holdsBundle(entry)) {
          versions.add(
              new Version(Integer.parseInt(name.group(1)), name.group(2), entry, manifest(entry)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    versions.sort(Comparator.comparingInt(Version::sequence).reversed());
    return versions;
  }

  /**
   * Moves the bundle in {@code candidate} into the bundle folder, the one it replaces into the
   * history, and deletes the oldest versions beyond {@code keep}.
   */
  public Change promote(Path candidate, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least 1 version, was " + keep);
    }
    String installed = manifest(candidate).version();
    String replaced = replaceWith(candidate);
    List<Version> versions = versions();
    for (Version old : versions.subList(Math.min(keep, versions.size()), versions.size())) {
      BundlePromotion.deleteRecursively(old.folder());
    }
    return new Change(installed, replaced);
  }

  /**
   * Restores a kept version into the bundle folder; the one it replaces is kept in its place.
   *
   * @param version the version to restore, or null for the latest replaced
   * @throws IllegalStateException when no version, or not this one, is kept
   */
  public Change rollback(String version) {
    List<Version> versions = versions();
    if (versions.isEmpty()) {
      throw new IllegalStateException("no earlier version of " + bundle + " is kept in " + folder);
    }
    Version chosen =
        version == null
            ? versions.get(0)
            : versions.stream()
                .filter(v -> v.version().equals(version))
                .findFirst()
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "version "
                                + version
                                + " is not kept in "
                                + folder
                                + "; kept: "
                                + String.join(
                                    ", ", versions.stream().map(Version::version).toList())));
    String replaced = replaceWith(chosen.folder());
    return new Change(chosen.version(), replaced);
  }

  /** Moves {@code source} into the bundle folder and the current bundle into the history. */
  private String replaceWith(Path source) {
    if (!BundlePromotion.holdsBundle(bundle)) {
      if (Files.exists(bundle)) {
        throw new IllegalStateException(
            bundle + " holds no bundle (no " + BundleManifest.FILE_NAME + "): not replacing it");
      }
      BundlePromotion.promote(source, bundle, null);
      return null;
    }
    String current = manifest(bundle).version();
    List<Version> versions = versions();
    for (Version same : versions) {
      if (same.version().equals(current)) {
        BundlePromotion.deleteRecursively(same.folder());
      }
    }
    int next = versions.stream().mapToInt(Version::sequence).max().orElse(0) + 1;
    BundlePromotion.promote(
        source, bundle, folder.resolve(String.format(Locale.ROOT, "%04d-%s", next, current)));
    return current;
  }

  /** The manifest of the bundle in {@code folder}. */
  public static BundleManifest manifest(Path folder) {
    try {
      return BundleManifest.fromJson(Files.readAllBytes(folder.resolve(BundleManifest.FILE_NAME)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the manifest in " + folder + ": " + e.getMessage(), e);
    }
  }
}
