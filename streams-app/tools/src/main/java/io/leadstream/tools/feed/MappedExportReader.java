package io.leadstream.tools.feed;

import io.leadstream.models.mapping.CrmExportException;
import io.leadstream.models.mapping.CrmRowConverter;
import io.leadstream.models.mapping.LeadMapping;
import io.leadstream.models.training.crm.ExportJoins;
import io.leadstream.tools.feed.LeadFileReader.LeadLine;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * column is not needed.
 */
public final class MappedExportReader {
  private MappedExportReader() {}

  /**
   * Reads every row of {@code csv}; each becomes a lead or the error its line has.
   *
   * @return what the user should know that did not stop the read: rows whose join key matched
   *     nothing or was missing, per joined file; empty when there are none
   */
  public static List<String> read(Path csv, LeadMapping mapping, Consumer<LeadLine> sink)
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
          sink.accept(new LeadLine(line, converter.convert(row, origin + ":" + line), null));
        } catch (CrmExportException e) {
          sink.accept(new LeadLine(line, null, e.getMessage()));
        }
      }
    }
    return joins.warnings(origin);
  }
}
