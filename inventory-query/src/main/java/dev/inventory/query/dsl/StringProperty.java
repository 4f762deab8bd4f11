package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Value;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * A string property: {@code name}, {@code kind}, {@code tags.owner}, {@code access_key_status}.
 * Values are string literals; the printer quotes them where the text would otherwise read
 * something else ({@code "90days"}, {@code "true"}, {@code "foo.*"}).
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * name().notIn("jenkins", "ci");    // name not in [jenkins, ci]
 * tag("owner").matches("^team-");   // tags.owner =~ "^team-"
 * }</pre>
 *
 * @param modifier how an array value combines its elements; empty means "any element matches"
 */
public record StringProperty(Path path, Optional<ArrayModifier> modifier) implements Property {
  public StringProperty {
    Predicates.check(path, modifier);
  }

  /** A property at {@code path} without an array modifier. */
  public StringProperty(Path path) {
    this(path, Optional.empty());
  }

  /** {@code path all ...}: every element of the array matches. */
  public StringProperty allElements() {
    return new StringProperty(path, Optional.of(ArrayModifier.ALL));
  }

  /** {@code path any ...}: some element of the array matches. */
  public StringProperty anyElement() {
    return new StringProperty(path, Optional.of(ArrayModifier.ANY));
  }

  /** {@code path none ...}: no element of the array matches. */
  public StringProperty noElement() {
    return new StringProperty(path, Optional.of(ArrayModifier.NONE));
  }

  /** {@code path == value}. */
  public Condition eq(String value) {
    return Predicates.compare(this, Operator.EQ, string(value));
  }

  /** {@code path != value}. */
  public Condition ne(String value) {
    return Predicates.compare(this, Operator.NE, string(value));
  }

  /** {@code path in [values]}. */
  public Condition in(String... values) {
    return in(Arrays.asList(values));
  }

  /** {@code path in [values]}. */
  public Condition in(Collection<String> values) {
    return Predicates.compare(this, Operator.IN, list(values));
  }

  /** {@code path not in [values]}: present and none of them (a missing value never matches). */
  public Condition notIn(String... values) {
    return notIn(Arrays.asList(values));
  }

  /** {@code path not in [values]}: present and none of them (a missing value never matches). */
  public Condition notIn(Collection<String> values) {
    return Predicates.compare(this, Operator.NOT_IN, list(values));
  }

  /** {@code path =~ regex}: an unanchored, case-insensitive regular expression search. */
  public Condition matches(String regex) {
    return Predicates.compare(this, Operator.MATCHES, string(regex));
  }

  /** {@code path !~ regex}: the exact negation of {@link #matches}. */
  public Condition notMatches(String regex) {
    return Predicates.compare(this, Operator.NOT_MATCHES, string(regex));
  }

  private static StringValue string(String value) {
    return StringValue.of(Objects.requireNonNull(value, "value"));
  }

  private static ListValue list(Collection<String> values) {
    Objects.requireNonNull(values, "values");
    return new ListValue(values.stream().map(v -> (Value) string(v)).toList());
  }
}
