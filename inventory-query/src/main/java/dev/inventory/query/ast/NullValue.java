package dev.inventory.query.ast;

/**
 * The literal {@code null}: {@code x == null} matches a missing or null value.
 *
 * <pre>{@code
 * new Predicate(Path.reported("owner"), Operator.EQ, NullValue.of());   // prints owner == null
 * }</pre>
 */
public record NullValue() implements Value {

  /** The null literal. All instances are equal. */
  public static NullValue of() {
    return new NullValue();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
