package io.leadstream.models.training.crm;

/** Counted nouns for messages: "1 row", "2 rows". */
final class Plural {
  private Plural() {}

  static String of(long count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }
}
