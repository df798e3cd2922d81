package io.leadstream.tools.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadstream.app.io.LeadRecordConverter;
import io.leadstream.schema.LeadEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads lead events from a JSON Lines file (one LeadEvent-shaped object a line) or a CSV file (a
 * header row; dotted column names such as {@code company.employees} for nested fields, {@code
 * attributes.<name>} for extra CRM fields). Each line becomes a {@link LeadLine}: a lead, or the
 * error that line has.
 */
public final class LeadFileReader {

  /** One line of input: its number and either the lead or what is wrong with it. */
  public record LeadLine(long lineNumber, LeadEvent lead, String error) {
    public boolean ok() {
      return error == null;
    }
  }

  /** Input formats, chosen from the file name unless given. */
  public enum Format {
    JSONL,
    CSV;

    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
        return JSONL;
      }
      throw new IllegalArgumentException(
          "Cannot tell the format of "
              + file
              + " from its name: use .jsonl or .csv, or pass --format");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private LeadFileReader() {}

  public static void read(Path file, Format format, Consumer<LeadLine> sink) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read(reader, format, sink);
    }
  }

  /** Reads every line of {@code reader}; does not close it. */
  public static void read(Reader reader, Format format, Consumer<LeadLine> sink)
      throws IOException {
    if (format == Format.CSV) {
      readCsv(reader, sink);
    } else {
      readJsonLines(new BufferedReader(reader), sink);
    }
  }

  private static void readJsonLines(BufferedReader reader, Consumer<LeadLine> sink)
      throws IOException {
    long number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        sink.accept(new LeadLine(number, LeadRecordConverter.fromJson(JSON.readTree(line)), null));
      } catch (JsonProcessingException e) {
        sink.accept(new LeadLine(number, null, "not valid JSON: " + e.getOriginalMessage()));
      } catch (IllegalArgumentException e) {
        sink.accept(new LeadLine(number, null, e.getMessage()));
      }
    }
  }

  private static void readCsv(Reader reader, Consumer<LeadLine> sink) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      if (parser.getHeaderNames().size() < 2) {
        throw new IOException(
            "The CSV header has "
                + parser.getHeaderNames().size()
                + " column; is the file comma-separated? Header: "
                + parser.getHeaderNames());
      }
      for (CSVRecord row : parser) {
        long number = row.getRecordNumber() + 1;
        try {
          Map<String, String> columns = new LinkedHashMap<>(row.toMap());
          sink.accept(
              new LeadLine(
                  number,
                  LeadRecordConverter.fromJson(LeadRecordConverter.fromColumns(columns)),
                  null));
        } catch (IllegalArgumentException e) {
          sink.accept(new LeadLine(number, null, e.getMessage()));
        }
      }
    }
  }
}
