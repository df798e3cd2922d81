package io.leadstream.models.mapping;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Name helpers for messages and feature names. */
public final class Names {
  private Names() {}

  /**
   * The candidate closest to {@code wanted} by edit distance ignoring case, when close enough to be
   * a likely typo: at most a third of the name's length, and at least 2, edits away.
   */
  public static Optional<String> closest(String wanted, Collection<String> candidates) {
    String target = wanted.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, wanted.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** {@code "; did you mean 'x'?"} when a candidate is close, else {@code "."}. */
  public static String didYouMean(String wanted, Collection<String> candidates) {
    return closest(wanted, candidates).map(c -> "; did you mean '" + c + "'?").orElse(".");
  }

  /** Candidates quoted and joined: {@code 'a', 'b'}. */
  public static String quoted(Collection<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  /**
   * A machine name for a column: lowercase, runs of other characters as one '_', not in {@code
   * taken} (a {@code _2}, {@code _3}, ... suffix makes it unique).
   */
  static String machineName(String column, Set<String> taken) {
    String base =
        column.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty()) {
      base = "column";
    }
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "_" + n;
    }
    return name;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
