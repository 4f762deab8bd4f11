package dev.inventory.query.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** What {@link And} and {@link Or} share: argument lists and flattening of nested nodes of their own kind. */
final class Junctions {
  private Junctions() {}

  /** {@code first, second, more...} as one list. */
  static List<Term> list(Term first, Term second, Term... more) {
    List<Term> all = new ArrayList<>(2 + more.length);
    all.add(first);
    all.add(second);
    all.addAll(List.of(more));
    return all;
  }

  /**
   * The terms with every nested {@code type} node replaced by its own terms, checked for at least two.
   *
   * @param word {@code and} or {@code or}, for the error message
   */
  static <T extends Term> List<Term> flatten(
      List<Term> terms, Class<T> type, Function<T, List<Term>> children, String word) {
    List<Term> out = new ArrayList<>(Objects.requireNonNull(terms, "terms").size());
    for (Term t : terms) {
      if (type.isInstance(t)) {
        out.addAll(children.apply(type.cast(t)));
      } else {
        out.add(Objects.requireNonNull(t, "term"));
      }
    }
    if (out.size() < 2) {
      throw new IllegalArgumentException("'" + word + "' joins at least two terms");
    }
    return List.copyOf(out);
  }
}
