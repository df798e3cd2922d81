package io.leadstream.app.io;

import io.leadstream.app.io.LeadFileReader.LeadLine;
import io.leadstream.models.training.crm.CrmExportException;
import io.leadstream.models.training.crm.CrmRowConverter;
import io.leadstream.models.training.crm.LeadMapping;
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
 * scoring are built exactly as the ones the models learned from. The label column is not needed.
 */
public final class MappedExportReader {
  private MappedExportReader() {}

  /** Reads every row of {@code csv}; each becomes a lead or the error its line has. */
  public static void read(Path csv, LeadMapping mapping, Consumer<LeadLine> sink)
      throws IOException {
    String origin = String.valueOf(csv.getFileName());
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter()).get();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(reader)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new IllegalArgumentException(origin + " is empty: expected a header row and lead rows");
      }
      List<String> header = new ArrayList<>(records.next().toList());
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", ""));
      }
      CrmRowConverter converter = new CrmRowConverter(mapping, header, origin);
      while (records.hasNext()) {
        long line = parser.getCurrentLineNumber();
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != header.size()) {
          sink.accept(new LeadLine(line, null, "has " + record.size() + " cells; the header has "
              + header.size() + " columns"));
          continue;
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), record.get(i));
        }
        try {
          sink.accept(new LeadLine(line, converter.convert(row, origin + ":" + line), null));
        } catch (CrmExportException e) {
          sink.accept(new LeadLine(line, null, e.getMessage()));
        }
      }
    }
  }
}
