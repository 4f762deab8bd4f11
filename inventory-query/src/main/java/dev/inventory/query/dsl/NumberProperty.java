package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Value;
import java.util.Arrays;
import java.util.Optional;

/**
 * A number property. Integers build {@code long} literals ({@code 42}), decimals {@code double}
 * literals ({@code 2.5}), exactly as the parser reads the text.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * numberProperty("size").gt(100);         // size > 100
 * numberProperty("ratio").le(0.5);        // ratio <= 0.5
 * numberProperty("port").in(22, 3389);    // port in [22, 3389]
 * }</pre>
 *
 * @param modifier how an array value combines its elements; empty means "any element matches"
 */
public record NumberProperty(Path path, Optional<ArrayModifier> modifier) implements Property {
  public NumberProperty {
    Predicates.check(path, modifier);
  }

  /** A property at {@code path} without an array modifier. */
  public NumberProperty(Path path) {
    this(path, Optional.empty());
  }

  /** {@code path all ...}: every element of the array matches. */
  public NumberProperty allElements() {
    return new NumberProperty(path, Optional.of(ArrayModifier.ALL));
  }

  /** {@code path any ...}: some element of the array matches. */
  public NumberProperty anyElement() {
    return new NumberProperty(path, Optional.of(ArrayModifier.ANY));
  }

  /** {@code path none ...}: no element of the array matches. */
  public NumberProperty noElement() {
    return new NumberProperty(path, Optional.of(ArrayModifier.NONE));
  }

  /** {@code path == n}. */
  public Condition eq(long n) {
    return Predicates.compare(this, Operator.EQ, NumberValue.of(n));
  }

  /** {@code path == n}. */
  public Condition eq(double n) {
    return Predicates.compare(this, Operator.EQ, NumberValue.of(n));
  }

  /** {@code path != n}. */
  public Condition ne(long n) {
    return Predicates.compare(this, Operator.NE, NumberValue.of(n));
  }

  /** {@code path != n}. */
  public Condition ne(double n) {
    return Predicates.compare(this, Operator.NE, NumberValue.of(n));
  }

  /** {@code path > n}. */
  public Condition gt(long n) {
    return Predicates.compare(this, Operator.GT, NumberValue.of(n));
  }

  /** {@code path > n}. */
  public Condition gt(double n) {
    return Predicates.compare(this, Operator.GT, NumberValue.of(n));
  }

  /** {@code path >= n}. */
  public Condition ge(long n) {
    return Predicates.compare(this, Operator.GE, NumberValue.of(n));
  }

  /** {@code path >= n}. */
  public Condition ge(double n) {
    return Predicates.compare(this, Operator.GE, NumberValue.of(n));
  }

  /** {@code path < n}. */
  public Condition lt(long n) {
    return Predicates.compare(this, Operator.LT, NumberValue.of(n));
  }

  /** {@code path < n}. */
  public Condition lt(double n) {
    return Predicates.compare(this, Operator.LT, NumberValue.of(n));
  }

  /** {@code path <= n}. */
  public Condition le(long n) {
    return Predicates.compare(this, Operator.LE, NumberValue.of(n));
  }

  /** {@code path <= n}. */
  public Condition le(double n) {
    return Predicates.compare(this, Operator.LE, NumberValue.of(n));
  }

  /** {@code path in [values]}. */
  public Condition in(long... values) {
    return Predicates.compare(this, Operator.IN, longs(values));
  }

  /** {@code path in [values]}. */
  public Condition in(double... values) {
    return Predicates.compare(this, Operator.IN, doubles(values));
  }

  /** {@code path not in [values]}: present and none of them. */
  public Condition notIn(long... values) {
    return Predicates.compare(this, Operator.NOT_IN, longs(values));
  }

  /** {@code path not in [values]}: present and none of them. */
  public Condition notIn(double... values) {
    return Predicates.compare(this, Operator.NOT_IN, doubles(values));
  }

  private static ListValue longs(long... values) {
    return new ListValue(Arrays.stream(values).mapToObj(v -> (Value) NumberValue.of(v)).toList());
  }

  private static ListValue doubles(double... values) {
    return new ListValue(Arrays.stream(values).mapToObj(v -> (Value) NumberValue.of(v)).toList());
  }
}
