package io.leadstream.tools.feed;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.CrmRowConverter;
import io.leadstream.models.mapping.JsonEventConverter;
import io.leadstream.models.mapping.JsonEventException;
import io.leadstream.models.mapping.JsonLines;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.mapping.MappingException;
import io.leadstream.models.training.crm.ExportJoins;
import io.leadstream.schema.LeadEvent;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CRM export through the same mapping {@code train} used, so that the events sent for
 * scoring are built exactly as the ones the models learned from: the same files joined onto each
 * row ({@code join:}, read from the export's folder when relative), the same conversion. The label
 * column is not needed. A JSON Lines file of the CRM's own events ({@link #readJsonLines}) is read
 * as the pipeline reads them with {@code leadstream.input.format=json}: the same {@link
 * JsonEventConverter}, columns named by dotted JSON paths.
 */
public final class MappedExportReader {

  /**
   * One line of a JSON Lines file of CRM events: its number, its bytes (without the line break) and
   * the lead it maps to, or what is wrong with it.
   */
  public record JsonLine(long lineNumber, byte[] json, LeadEvent lead, String error) {
    public boolean ok() {
      return error == null;
    }

    public LeadLine asLeadLine() {
      return new LeadLine(lineNumber, lead, error);
    }
  }

  private MappedExportReader() {}

  /**
   * Reads every non-blank line of {@code jsonl}, each one CRM event (one JSON object), through the
   * mapping. Event ids are {@code <file name>:<line>}.
   *
   * @param fallbackTime {@code occurredAt} of events without a time (as the pipeline takes the
   *     record's timestamp): the time the file is sent
   * @throws MappingException when the mapping joins files, which JSON events cannot have
   */
  public static void readJsonLines(
      Path jsonl, LeadMapping mapping, Instant fallbackTime, Consumer<JsonLine> sink)
      throws IOException {
    String origin = String.valueOf(jsonl.getFileName());
    JsonEventConverter converter = new JsonEventConverter(mapping);
    JsonLines.read(
        jsonl,
        (number, line) -> {
          try {
            LeadEvent lead = converter.convert(line, origin + ":" + number, fallbackTime);
            sink.accept(new JsonLine(number, line, lead, null));
          } catch (JsonEventException e) {
            sink.accept(new JsonLine(number, line, null, e.getMessage()));
          }
        });
  }

  /**
   * Reads every row of {@code csv}; each becomes a lead or the error its line has.
   *
   * @param fallbackTime {@code occurredAt} of rows without a time (the mapping maps none, or the
   *     cell is missing), as for JSON events: the time the file is sent
   * @return what the user should know that did not stop the read: rows whose join key matched
   *     nothing or was missing, per joined file; empty when there are none
   */
  public static List<String> read(
      Path csv, LeadMapping mapping, Instant fallbackTime, Consumer<LeadLine> sink)
      throws IOException {
    String origin = String.valueOf(csv.getFileName());
    ExportJoins joins = ExportJoins.load(mapping, csv.toAbsolutePath().getParent());
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter()).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new IllegalArgumentException(
            origin + " is empty: expected a header row and lead rows");
      }
      List<String> header = new ArrayList<>(records.next().toList());
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", ""));
      }
      // as train reads a header: names trimmed
      List<String> fileHeader = header.stream().map(String::strip).toList();
      CrmRowConverter converter =
          new CrmRowConverter(mapping, joins.header(fileHeader, origin), origin);
      while (records.hasNext()) {
        long line = parser.getCurrentLineNumber();
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != fileHeader.size()) {
          sink.accept(
              new LeadLine(
                  line,
                  null,
                  "has "
                      + record.size()
                      + " cells; the header has "
                      + fileHeader.size()
                      + " columns"));
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < fileHeader.size(); i++) {
          row.put(fileHeader.get(i), record.get(i));
        }
        joins.join(row);
        try {
          LeadEvent lead = converter.convert(row, origin + ":" + line);
          if (!converter.hasTime(row)) {
            lead.setOccurredAt(fallbackTime);
          }
          sink.accept(new LeadLine(line, lead, null));
        } catch (CrmExportException e) {
          sink.accept(new LeadLine(line, null, e.getMessage()));
        }
      }
    }
    return joins.warnings(origin);
  }
}
