package io.leadstream.models.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form bundle manifests record. */
public final class Sha256 {
  private Sha256() {}

  /** Digest of a byte array. */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /** Digest of a file's content. */
  public static String of(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Digest of everything left in the stream; does not close it. */
  public static String of(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputSink.INSTANCE);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * One thread's digest, kept for every text it hashes: {@link MessageDigest#getInstance} looks the
   * algorithm up in the security providers on each call, which costs more than hashing a lead's
   * text. Not thread-safe.
   */
  public static final class Reusable {
    private final MessageDigest digest = newDigest();

    /** Digest of a byte array, as {@link Sha256#of(byte[])}. */
    public String of(byte[] bytes) {
      return HexFormat.of().formatHex(digest.digest(bytes));
    }
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  private static final class OutputSink extends OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
