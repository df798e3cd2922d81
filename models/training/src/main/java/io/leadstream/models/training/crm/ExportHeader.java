package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CrmExportException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks an export's header row: that it was split with the right delimiter and names each column
 * once. Unnamed columns (a spreadsheet's index column) are allowed and ignored.
 */
final class ExportHeader {
  private static final String DELIMITERS = ",;\t|";

  private ExportHeader() {}

  /**
   * The header's column names, trimmed; blank for unnamed columns.
   *
   * @throws CrmExportException when the file looks split by another delimiter or a name repeats
   */
  static List<String> read(CSVRecord record, char delimiter, String origin) {
    List<String> header = new ArrayList<>();
    record.forEach(name -> header.add(name.strip()));
    if (header.size() == 1) {
      requireDelimiter(header.get(0), delimiter, origin);
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      Integer first = name.isEmpty() ? null : seen.putIfAbsent(name, i);
      if (first != null) {
        throw new CrmExportException(
            origin
                + ": column '"
                + name
                + "' appears twice in the header (columns "
                + (first + 1)
                + " and "
                + (i + 1)
                + "); rename one in the export");
      }
    }
    return header;
  }

  private static void requireDelimiter(String only, char delimiter, String origin) {
    char likely = 0;
    long most = 0;
    for (char candidate : DELIMITERS.toCharArray()) {
      long count = only.chars().filter(c -> c == candidate).count();
      if (candidate != delimiter && count > most) {
        likely = candidate;
        most = count;
      }
    }
    if (most > 0) {
      String spelled = likely == '\t' ? "\\t" : String.valueOf(likely);
      throw new CrmExportException(
          origin
              + ": the header has one column '"
              + only
              + "'; the file looks '"
              + spelled
              + "'-separated: set `delimiter: \""
              + spelled
              + "\"` in the mapping");
    }
  }
}
