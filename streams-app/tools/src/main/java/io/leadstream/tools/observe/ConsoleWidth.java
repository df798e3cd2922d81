package io.leadstream.tools.observe;

/**
 * Fits text into fixed-width console columns by what a terminal shows, not by chars: Chinese,
 * Japanese and Korean characters and full-width forms take two columns, so {@code %-26s} alone
 * would push every later column of a row with a Chinese company name to the right.
 */
final class ConsoleWidth {
  private ConsoleWidth() {}

  /** Columns {@code text} takes on a terminal. */
  static int of(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  /** {@code text} cut (ending in "…") or padded with spaces to exactly {@code columns}. */
  static String fit(String text, int columns) {
    if (of(text) > columns) {
      StringBuilder cut = new StringBuilder();
      int width = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        int w = isWide(cp) ? 2 : 1;
        if (width + w > columns - 1) {
          break;
        }
        cut.appendCodePoint(cp);
        width += w;
        i += Character.charCount(cp);
      }
      text = cut.append('…').toString();
    }
    return text + " ".repeat(Math.max(0, columns - of(text)));
  }

  /** East Asian Wide and Fullwidth code points (Unicode UAX #11), the common blocks. */
  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
