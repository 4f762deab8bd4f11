package dev.inventory.query.ast;

import java.util.Objects;

/**
 * A number literal: a {@code long} for integer text ({@code 42}, {@code -5}), a finite {@code double}
 * for decimal text ({@code 3.5}). Integer text too large for a {@code long} becomes a {@code double}.
 *
 * <p>{@code 5} and {@code 5.0} are different literals (they print differently); the engine compares
 * numbers by value.
 *
 * <pre>{@code
 * NumberValue.of(42);    // prints 42
 * NumberValue.of(2.5);   // prints 2.5
 * }</pre>
 *
 * @param number a {@link Long} or a finite {@link Double}
 */
public record NumberValue(Number number) implements Value {
  public NumberValue {
    Objects.requireNonNull(number, "number");
    if (number instanceof Double d) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("a number literal must be finite: " + d);
      }
      // -0.0 prints as 0.0, so it must also be equal to it for print/parse to round-trip.
      if (d == 0.0d) {
        number = 0.0d;
      }
    } else if (!(number instanceof Long)) {
      throw new IllegalArgumentException(
          "a number literal is a Long or a Double, not " + number.getClass().getName());
    }
  }

  /** An integer literal. */
  public static NumberValue of(long value) {
    return new NumberValue(value);
  }

  /** A decimal literal. */
  public static NumberValue of(double value) {
    return new NumberValue(value);
  }

  /** Whether this literal is an integer ({@code long}). */
  public boolean isIntegral() {
    return number instanceof Long;
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
