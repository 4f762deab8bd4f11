package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A list literal {@code [a, b]}, the right-hand side of {@code in} and {@code not in}. Elements may
 * be any value, including lists.
 *
 * <pre>{@code
 * ListValue.of(StringValue.of("jenkins"), StringValue.of("ci"));   // prints [jenkins, ci]
 * }</pre>
 */
public record ListValue(List<Value> values) implements Value {
  public ListValue {
    values = List.copyOf(Objects.requireNonNull(values, "values"));
  }

  /** A list of these values. */
  public static ListValue of(Value... values) {
    return new ListValue(Arrays.asList(values));
  }

  /** A list of string literals. */
  public static ListValue ofStrings(String... values) {
    return new ListValue(Arrays.stream(values).map(s -> (Value) StringValue.of(s)).toList());
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
