package io.leadstream.models.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * A reason phrase's template, split once into its literal text and {@code %s} slots, so that
 * filling it in is a concatenation: {@link String#format} parses its pattern again on every call,
 * which made the reasons the largest Java-side cost per lead. The same output as {@code
 * String.format(Locale.ROOT, template, args)} for templates of {@code %s} and {@code %%} only; any
 * other conversion is refused when the template is read. Immutable.
 */
final class PhraseTemplate {

  /** Literal text before each slot, then the text after the last one. */
  private final List<String> literals;

  private PhraseTemplate(List<String> literals) {
    this.literals = List.copyOf(literals);
  }

  /**
   * @throws IllegalArgumentException when the template has a conversion other than {@code %s} and
   *     {@code %%}
   */
  static PhraseTemplate parse(String template) {
    List<String> literals = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        literal.append(c);
        continue;
      }
      char conversion = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
      if (conversion == '%') {
        literal.append('%');
      } else if (conversion == 's') {
        literals.add(literal.toString());
        literal.setLength(0);
      } else {
        throw new IllegalArgumentException(
            "reason phrase \"" + template + "\" uses a conversion other than %s and %%");
      }
      i++;
    }
    literals.add(literal.toString());
    return new PhraseTemplate(literals);
  }

  /**
   * The template with its slots filled by the arguments' {@code String.valueOf}, in order; further
   * arguments are ignored, as by {@link String#format}.
   *
   * @throws IllegalArgumentException when there are fewer arguments than slots
   */
  String fill(Object... args) {
    int slots = literals.size() - 1;
    if (args.length < slots) {
      throw new IllegalArgumentException(
          "reason phrase with " + slots + " slot(s) got " + args.length + " argument(s)");
    }
    if (slots == 0) {
      return literals.get(0);
    }
    StringBuilder text = new StringBuilder(literals.get(0));
    for (int s = 0; s < slots; s++) {
      text.append(args[s]).append(literals.get(s + 1));
    }
    return text.toString();
  }
}
