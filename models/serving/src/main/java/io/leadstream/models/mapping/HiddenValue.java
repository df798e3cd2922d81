package io.leadstream.models.mapping;

import java.util.Locale;

/**
 * A missing spelling that fills a good part of a column: either the column is often left empty in
 * that way (a web form's untouched "Select") or it is a real value the mapping throws away (a level
 * "None" meaning "no competitor"). Only the user can tell, so the trainer says which.
 *
 * @param column the export column
 * @param spelling the cell as the export spells it, e.g. {@code None}
 * @param rows rows of the export whose cell in this column is this spelling
 * @param share {@code rows} over the rows read
 * @param listedByMapping true when the mapping's {@code missing} list names it, false when it is
 *     one of {@link LeadMapping#DEFAULT_MISSING}
 */
public record HiddenValue(
    String column, String spelling, int rows, double share, boolean listedByMapping) {

  /**
   * Share of a column's rows at or above which a missing spelling is reported: one row in twenty.
   */
  public static final double MIN_SHARE = 0.05;

  /** Fewest rows of a spelling reported, however small the export. */
  public static final int MIN_ROWS = 10;

  /** The sentence the training output and the model card show. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "'%s' in column '%s' (%,d rows, %.1f %%) is read as missing (%s); if it is a real value"
            + " there, as \"None\" may mean no competitor, %s",
        spelling,
        column,
        rows,
        100 * share,
        listedByMapping ? "listed under `missing:`" : "a default missing spelling",
        listedByMapping ? "leave it out of `missing:`" : "list `missing:` without it");
  }
}
