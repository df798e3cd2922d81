package io.leadstream.models.training.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Problems of one kind found while reading an export: a count and the first few examples. */
final class RowProblems {
  static final int EXAMPLES = 5;

  private final List<String> examples = new ArrayList<>();
  private int count;

  void add(String origin, long line, String detail) {
    count++;
    if (examples.size() < EXAMPLES) {
      examples.add(origin + " line " + line + ": " + detail);
    }
  }

  /**
   * The problems as one message: the example alone when there is one, else {@code "<origin>:
   * <count> <what> (first 5 shown):"} and the examples indented below.
   */
  Optional<String> describe(String origin, String what) {
    if (count == 0) {
      return Optional.empty();
    }
    if (count == 1) {
      return Optional.of(examples.get(0));
    }
    String shown = count > examples.size() ? " (first " + examples.size() + " shown)" : "";
    return Optional.of(
        origin + ": " + count + " " + what + shown + ":\n  " + String.join("\n  ", examples));
  }
}
