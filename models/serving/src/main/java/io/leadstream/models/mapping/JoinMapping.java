package io.leadstream.models.mapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A further CSV file joined onto each export row by key: many rows to one (many leads of one
 * account), left join. The file's other columns become columns of the row, usable anywhere in the
 * mapping; a row whose key the file lacks gets them missing.
 *
 * @param file the file, as the mapping names it: relative to the export's folder, or absolute
 * @param key the row's column holding the key: an export column, or one an earlier join brought
 * @param fileKey the file's column holding the key; the same name as {@code key} unless set
 * @param prefix put before the name of each column the file brings (to tell {@code revenue} of
 *     accounts from the export's own); empty for none
 * @param delimiter the file's cell delimiter, or null for the mapping's
 * @param mappingKey where the mapping declares it, e.g. {@code join[1]}, for messages
 */
public record JoinMapping(
    String file,
    String key,
    String fileKey,
    String prefix,
    Character delimiter,
    String mappingKey) {

  /** The file's path, relative ones resolved against {@code exportFolder}. */
  public Path path(Path exportFolder) {
    Path path = Path.of(file);
    return path.isAbsolute() ? path : exportFolder.resolve(path);
  }

  /** The delimiter the file is read with. */
  public char delimiterOr(char mappingDelimiter) {
    return Optional.ofNullable(delimiter).orElse(mappingDelimiter);
  }

  /** The file's name, as messages call it. */
  public String fileName() {
    return String.valueOf(Path.of(file).getFileName());
  }
}
