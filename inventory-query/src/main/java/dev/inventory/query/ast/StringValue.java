package dev.inventory.query.ast;

import java.util.Objects;

/**
 * A string literal: a double-quoted string or an unquoted word that is no other kind of value.
 *
 * <pre>{@code
 * StringValue.of("jenkins");   // prints jenkins
 * StringValue.of("foo.*");     // prints "foo.*" (the '*' needs quotes)
 * StringValue.of("90days");    // prints "90days" (unquoted it would be a duration)
 * }</pre>
 */
public record StringValue(String value) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  /** The string literal {@code value}. */
  public static StringValue of(String value) {
    return new StringValue(value);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
