package dev.inventory.query.ast;

import java.util.Objects;

/**
 * {@code path.{term}}: all predicates of {@code term} hold for the same element of the array (or
 * the same nested object) at {@code path}; paths inside are relative to that element.
 *
 * <pre>{@code
 * // a[*].{b == 1 and c > 2}
 * new ContextTerm(QueryParser.parsePath("a[*]"),
 *     And.of(new Predicate(Path.reported("b"), Operator.EQ, NumberValue.of(1)),
 *            new Predicate(Path.reported("c"), Operator.GT, NumberValue.of(2))));
 * }</pre>
 */
public record ContextTerm(Path path, Term term) implements Term {
  public ContextTerm {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(term, "term");
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
