package io.leadstream.models.training.crm;

import io.leadstream.models.mapping.CrmExportException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How every CSV file of an export is opened: RFC 4180 quoting, the mapping's delimiter, UTF-8 with
 * or without a byte order mark, blank lines kept so that line numbers stay the file's.
 */
final class ExportCsv {
  private ExportCsv() {}

  /** A parser over {@code reader}, its byte order mark skipped. */
  static CSVParser open(Reader reader, char delimiter) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    return format.parse(withoutBom(reader));
  }

  /** The error for a file that could not be read or parsed. */
  static CrmExportException unreadable(String origin, Exception e) {
    Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    if (cause instanceof CharacterCodingException) {
      return new CrmExportException(
          origin + " is not UTF-8 text: save the export as UTF-8 (\"CSV UTF-8\" in Excel)", e);
    }
    return new CrmExportException(origin + ": cannot parse the CSV: " + cause.getMessage(), e);
  }

  private static Reader withoutBom(Reader reader) throws IOException {
    BufferedReader buffered = new BufferedReader(reader);
    buffered.mark(1);
    if (buffered.read() != '\uFEFF') {
      buffered.reset();
    }
    return buffered;
  }
}
