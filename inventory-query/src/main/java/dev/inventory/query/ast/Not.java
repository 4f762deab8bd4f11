package dev.inventory.query.ast;

import java.util.Objects;

/**
 * {@code not term}. {@code not} binds tighter than {@code and}/{@code or}: {@code not a and b} is
 * {@code (not a) and b}.
 *
 * <pre>{@code
 * new Not(IsTerm.of("user"));   // not is(user)
 * }</pre>
 */
public record Not(Term term) implements Term {
  public Not {
    Objects.requireNonNull(term, "term");
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
