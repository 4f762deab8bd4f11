package dev.inventory.query.ast;

import java.util.Locale;

/**
 * How a predicate on an array path combines the elements. Without a modifier a predicate on an
 * array holds if any element matches.
 *
 * <pre>{@code
 * // tags_list all >= 1
 * new Predicate(Path.reported("tags_list"), Optional.of(ArrayModifier.ALL), Operator.GE, NumberValue.of(1));
 * }</pre>
 */
public enum ArrayModifier {
  /** Every element matches. */
  ALL,
  /** At least one element matches. */
  ANY,
  /** No element matches. */
  NONE;

  /** The keyword: {@code all}, {@code any} or {@code none}. */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return keyword();
  }
}
