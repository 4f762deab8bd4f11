package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Sort;
import java.util.Optional;

/**
 * A typed reference to a property path, made by the factories of {@link dev.inventory.query.Q}. The
 * type decides which operators exist (Querydsl style): {@link StringProperty} has {@code eq, in,
 * matches}, {@link NumberProperty} {@code gt, le, in}, {@link DateTimeProperty} {@code before,
 * after}, {@link DurationProperty} {@code olderThan, newerThan}, {@link BooleanProperty} {@code
 * isTrue}. Every operator returns a {@link Condition} holding the same {@link
 * dev.inventory.query.ast.Predicate} the parser builds for the text.
 *
 * <p>All properties can be tested for null and used as sort keys.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * name().isNotNull();   // name != null
 * ctime().desc();       // the sort key: ctime desc
 * }</pre>
 */
public sealed interface Property
    permits StringProperty, NumberProperty, BooleanProperty, DateTimeProperty, DurationProperty {

  /** The path this property reads. */
  Path path();

  /** How an array value combines its elements; empty means "any element matches". */
  Optional<ArrayModifier> modifier();

  /** {@code path == null}: the value is missing or null. */
  default Condition isNull() {
    return Predicates.compare(this, Operator.EQ, NullValue.of());
  }

  /** {@code path != null}: the value is present and not null. */
  default Condition isNotNull() {
    return Predicates.compare(this, Operator.NE, NullValue.of());
  }

  /** The sort key {@code path} (ascending). */
  default Sort asc() {
    return Sort.asc(path());
  }

  /** The sort key {@code path desc}. */
  default Sort desc() {
    return Sort.desc(path());
  }
}
