package io.leadstream.tools.demo;

import io.leadstream.tools.feed.LeadFileReader;
import io.leadstream.tools.feed.LeadFileReader.Format;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample leads that ship in the jar: synthetic B2B leads, some of them deliberately invalid.
 */
public final class SampleLeads {

  /** Class-path location of the bundled sample file. */
  public static final String RESOURCE = "/samples/demo-leads.jsonl";

  /** Where the bundled Chinese samples are, as {@code demo --samples} takes it. */
  public static final String CHINESE = "classpath:samples/demo-leads-zh.jsonl";

  private static final String CLASSPATH = "classpath:";

  private SampleLeads() {}

  /** Reads a sample file, or the bundled one when {@code file} is null. */
  public static List<LeadLine> read(Path file) {
    return file == null ? readResource(RESOURCE) : read(file.toString());
  }

  /**
   * Reads samples from a {@code .jsonl} or {@code .csv} file, or from a class-path resource named
   * {@code classpath:<resource>} (JSON Lines, UTF-8), such as {@link #CHINESE}.
   */
  public static List<LeadLine> read(String location) {
    if (location.startsWith(CLASSPATH)) {
      return readResource("/" + location.substring(CLASSPATH.length()).replaceFirst("^/+", ""));
    }
    Path file = Path.of(location);
    List<LeadLine> lines = new ArrayList<>();
    try {
      LeadFileReader.read(file, Format.of(file), lines::add);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sample leads: " + e.getMessage(), e);
    }
  }

  private static List<LeadLine> readResource(String resource) {
    List<LeadLine> lines = new ArrayList<>();
    try (InputStream in = SampleLeads.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the class path");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        LeadFileReader.read(reader, Format.JSONL, lines::add);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sample leads: " + e.getMessage(), e);
    }
  }
}
