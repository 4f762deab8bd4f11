package dev.inventory.query.ast;

import java.util.List;

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
    terms = Junctions.flatten(terms, Or.class, Or::terms, "or");
  }

  /** {@code first or second or more...}. */
  public static Or of(Term first, Term second, Term... more) {
    return new Or(Junctions.list(first, second, more));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
