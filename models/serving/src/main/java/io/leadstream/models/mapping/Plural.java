package io.leadstream.models.mapping;

/** Counted nouns for messages: "1 row", "2 rows". */
public final class Plural {
  private Plural() {}

  public static String of(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
