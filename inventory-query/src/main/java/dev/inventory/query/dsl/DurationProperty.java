package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A synthetic time since an event: {@code age} (since {@code ctime}), {@code last_access} (since
 * {@code atime}), {@code last_update} (since {@code mtime}). A node without the underlying time
 * matches neither {@link #olderThan} nor {@link #newerThan}: an
 * unknown age is neither old nor new, so a cleanup policy never selects it by accident.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * lastAccess().olderThan(days(90));   // last_access > 90days
 * age().newerThan(hours(2));          // age < 2hours
 * }</pre>
 *
 * @param modifier how an array value combines its elements; empty means "any element matches"
 */
public record DurationProperty(Path path, Optional<ArrayModifier> modifier) implements Property {
  public DurationProperty {
    Predicates.check(path, modifier);
  }

  /** A property at {@code path} without an array modifier. */
  public DurationProperty(Path path) {
    this(path, Optional.empty());
  }

  /** {@code path > d}: the event lies more than {@code d} in the past. */
  public Condition olderThan(DurationValue d) {
    return gt(d);
  }

  /** {@code path < d}: the event lies less than {@code d} in the past. */
  public Condition newerThan(DurationValue d) {
    return lt(d);
  }

  /** {@code path > d}. */
  public Condition gt(DurationValue d) {
    return Predicates.compare(this, Operator.GT, Objects.requireNonNull(d, "d"));
  }

  /** {@code path >= d}. */
  public Condition ge(DurationValue d) {
    return Predicates.compare(this, Operator.GE, Objects.requireNonNull(d, "d"));
  }

  /** {@code path < d}. */
  public Condition lt(DurationValue d) {
    return Predicates.compare(this, Operator.LT, Objects.requireNonNull(d, "d"));
  }

  /** {@code path <= d}. */
  public Condition le(DurationValue d) {
    return Predicates.compare(this, Operator.LE, Objects.requireNonNull(d, "d"));
  }
}
