package dev.inventory.query.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a or b or ...}: at least one term holds. Nested {@code Or}s are flattened on construction, so
 * {@code (a or b) or c} and {@code a or (b or c)} build the same node.
 *
 * <pre>{@code
 * Or.of(IsTerm.of("user"), IsTerm.of("role"));   // is(user) or is(role)
 * }</pre>
 *
 * @param terms at least two terms after flattening
 */
public record Or(List<Term> terms) implements Term {
  public Or {
    terms = flatten(Objects.requireNonNull(terms, "terms"));
    if (terms.size() < 2) {
      throw new IllegalArgumentException("'or' joins at least two terms");
    }
  }

  /** {@code first or second or more...}. */
  public static Or of(Term first, Term second, Term... more) {
    List<Term> all = new ArrayList<>();
    all.add(first);
    all.add(second);
    all.addAll(List.of(more));
    return new Or(all);
  }

  private static List<Term> flatten(List<Term> terms) {
    List<Term> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      if (t instanceof Or a) {
        out.addAll(a.terms);
      } else {
        out.add(Objects.requireNonNull(t, "term"));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
