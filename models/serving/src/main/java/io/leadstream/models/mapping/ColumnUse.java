package io.leadstream.models.mapping;

/**
 * One place where a mapping names an export column.
 *
 * @param column the export column
 * @param key where the mapping names it, e.g. {@code features[2]} or {@code fields.company.name}
 * @param role what the column is used for
 */
public record ColumnUse(String column, String key, Role role) {

  /** What a column is used for. */
  public enum Role {
    ID(true),
    LABEL(true),
    TIME(true),
    TEXT(false),
    FEATURE(false),
    FIELD(false),
    SEGMENT(false),
    EXCLUDE(true),
    /** The key a further file is joined by: any column, whatever else it is used for. */
    JOIN(false);

    /** Whether a column in this role may have no other role. */
    final boolean exclusive;

    Role(boolean exclusive) {
      this.exclusive = exclusive;
    }
  }
}
