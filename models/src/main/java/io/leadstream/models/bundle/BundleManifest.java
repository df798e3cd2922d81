package io.leadstream.models.bundle;

/**
 * The machine-readable description of a bundle, read from {@code manifest.json}.
 *
 * <p>CONTRACT ONLY: fields pending (models helper).
 */
public record BundleManifest(String name, String version) {}
