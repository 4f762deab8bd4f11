package dev.inventory.query.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a and b and ...}: every term holds. Nested {@code And}s are flattened on construction, so
 * {@code (a and b) and c} and {@code a and (b and c)} build the same node.
 *
 * <pre>{@code
 * And.of(IsTerm.of("access_key"), new Not(IsTerm.of("user")));   // is(access_key) and not is(user)
 * }</pre>
 *
 * @param terms at least two terms after flattening
 */
public record And(List<Term> terms) implements Term {
  public And {
    terms = flatten(Objects.requireNonNull(terms, "terms"));
    if (terms.size() < 2) {
      throw new IllegalArgumentException("'and' joins at least two terms");
    }
  }

  /** {@code first and second and more...}. */
  public static And of(Term first, Term second, Term... more) {
    List<Term> all = new ArrayList<>();
    all.add(first);
    all.add(second);
    all.addAll(List.of(more));
    return new And(all);
  }

  private static List<Term> flatten(List<Term> terms) {
    List<Term> out = new ArrayList<>(terms.size());
    for (Term t : terms) {
      if (t instanceof And a) {
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
