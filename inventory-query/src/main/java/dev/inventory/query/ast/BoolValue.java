package dev.inventory.query.ast;

/**
 * The literal {@code true} or {@code false}.
 *
 * <pre>{@code
 * BoolValue.of(true);   // prints true
 * }</pre>
 */
public record BoolValue(boolean value) implements Value {

  /** The literal for {@code value}. */
  public static BoolValue of(boolean value) {
    return new BoolValue(value);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
