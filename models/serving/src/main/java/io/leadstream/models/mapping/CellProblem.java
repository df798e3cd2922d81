package io.leadstream.models.mapping;

/**
 * A cell that a mapping cannot read, as {@link CrmRowConverter} finds it.
 *
 * @param column the column (for a JSON event, the dotted path)
 * @param value the cell's value, or null when it is missing
 * @param expected what the column needed, without "expected": {@code a number}
 * @param message the whole problem, worded for a CSV export (the messages {@code train} and {@code
 *     produce} print)
 */
public record CellProblem(String column, String value, String expected, String message) {}
