package dev.inventory.query.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code path [all|any|none] op value}: compares a property with a literal.
 *
 * <pre>{@code
 * new Predicate(Path.reported("name"), Operator.NOT_IN, ListValue.ofStrings("jenkins", "ci"));
 * // name not in [jenkins, ci]
 * }</pre>
 *
 * @param modifier how an array property combines its elements; empty means "any element"
 * @param value a {@link ListValue} for {@code in} and {@code not in}
 */
public record Predicate(Path path, Optional<ArrayModifier> modifier, Operator operator, Value value)
    implements Term {
  public Predicate {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(modifier, "modifier");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(value, "value");
    if (operator.takesList() && !(value instanceof ListValue)) {
      throw new IllegalArgumentException("'" + operator + "' needs a list value, not " + value);
    }
  }

  /** A predicate without an array modifier. */
  public Predicate(Path path, Operator operator, Value value) {
    this(path, Optional.empty(), operator, value);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
