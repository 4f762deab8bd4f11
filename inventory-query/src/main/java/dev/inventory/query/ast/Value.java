package dev.inventory.query.ast;

/**
 * A literal on the right-hand side of a {@link Predicate}.
 *
 * <p>Values print as query text that reads back to an equal value: words that would be read as
 * something else (a number, a duration, {@code true}) are double-quoted.
 *
 * <pre>{@code
 * Value v = StringValue.of("jenkins");              // prints jenkins
 * Value l = ListValue.of(StringValue.of("jenkins"), StringValue.of("ci"));  // prints [jenkins, ci]
 * }</pre>
 */
public sealed interface Value
    permits StringValue, NumberValue, BoolValue, NullValue, ListValue, ObjectValue, DurationValue, DateTimeValue {}
