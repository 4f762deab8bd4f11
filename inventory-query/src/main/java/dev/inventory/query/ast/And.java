package dev.inventory.query.ast;

import java.util.List;

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
    terms = Junctions.flatten(terms, And.class, And::terms, "and");
  }

  /** {@code first and second and more...}. */
  public static And of(Term first, Term second, Term... more) {
    return new And(Junctions.list(first, second, more));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
