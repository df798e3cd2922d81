package io.leadstream.models.mapping;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a JSON Lines file as bytes, line by line, so that each line is decoded as strictly as a
 * record on the input topic ({@link JsonEventConverter}): a bad line is that line's problem, not
 * the file's. Lines end at {@code \n} (a {@code \r} before it is dropped); blank lines are skipped
 * but counted.
 */
public final class JsonLines {

  /** What to do with one line. */
  @FunctionalInterface
  public interface LineHandler {
    /**
     * @param number the line's number in the file, from 1
     * @param line its bytes, without the line break
     */
    void line(long number, byte[] line);
  }

  private JsonLines() {}

  /** Whether a file is JSON Lines by its name: {@code .jsonl}, {@code .ndjson} or {@code .json}. */
  public static boolean isJsonLines(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json");
  }

  /** Hands every non-blank line of {@code file} to {@code handler}, in order. */
  public static void read(Path file, LineHandler handler) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      long number = 0;
      for (byte[] line = nextLine(in); line != null; line = nextLine(in)) {
        number++;
        if (!isBlank(line)) {
          handler.line(number, line);
        }
      }
    }
  }

  /** The next line's bytes without its line break, or null at the end. */
  private static byte[] nextLine(InputStream in) throws IOException {
    int b = in.read();
    if (b == -1) {
      return null;
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (b != -1 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    byte[] bytes = line.toByteArray();
    return bytes.length > 0 && bytes[bytes.length - 1] == '\r'
        ? Arrays.copyOf(bytes, bytes.length - 1)
        : bytes;
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
