package dev.inventory.query.dsl;

import dev.inventory.query.Condition;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Path;
import dev.inventory.query.internal.Durations;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A date-time property: {@code ctime}, {@code mtime}, {@code atime} or any datetime a kind
 * declares. It compares with an {@link Instant} or, as in the text language, with a duration that
 * means now plus that duration ({@code ctime > -3days}: created in the last three days).
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * ctime().before(Instant.parse("2024-01-01T00:00:00Z"));   // ctime < 2024-01-01T00:00:00Z
 * ctime().withinLast(days(3));                             // ctime > -3days
 * }</pre>
 *
 * @param modifier how an array value combines its elements; empty means "any element matches"
 */
public record DateTimeProperty(Path path, Optional<ArrayModifier> modifier) implements Property {
  public DateTimeProperty {
    Predicates.check(path, modifier);
  }

  /** A property at {@code path} without an array modifier. */
  public DateTimeProperty(Path path) {
    this(path, Optional.empty());
  }

  /** {@code path all ...}: every element of the array matches. */
  public DateTimeProperty allElements() {
    return new DateTimeProperty(path, Optional.of(ArrayModifier.ALL));
  }

  /** {@code path any ...}: some element of the array matches. */
  public DateTimeProperty anyElement() {
    return new DateTimeProperty(path, Optional.of(ArrayModifier.ANY));
  }

  /** {@code path none ...}: no element of the array matches. */
  public DateTimeProperty noElement() {
    return new DateTimeProperty(path, Optional.of(ArrayModifier.NONE));
  }

  /** {@code path > time}. */
  public Condition gt(Instant time) {
    return Predicates.compare(this, Operator.GT, at(time));
  }

  /** {@code path >= time}. */
  public Condition ge(Instant time) {
    return Predicates.compare(this, Operator.GE, at(time));
  }

  /** {@code path < time}. */
  public Condition lt(Instant time) {
    return Predicates.compare(this, Operator.LT, at(time));
  }

  /** {@code path <= time}. */
  public Condition le(Instant time) {
    return Predicates.compare(this, Operator.LE, at(time));
  }

  /** {@code path < time}: strictly before. */
  public Condition before(Instant time) {
    return lt(time);
  }

  /** {@code path > time}: strictly after. */
  public Condition after(Instant time) {
    return gt(time);
  }

  /** {@code path > fromNow}: after now plus {@code fromNow} (negative for the past). */
  public Condition gt(DurationValue fromNow) {
    return Predicates.compare(this, Operator.GT, Objects.requireNonNull(fromNow, "fromNow"));
  }

  /** {@code path >= fromNow}. */
  public Condition ge(DurationValue fromNow) {
    return Predicates.compare(this, Operator.GE, Objects.requireNonNull(fromNow, "fromNow"));
  }

  /** {@code path < fromNow}: before now plus {@code fromNow} (negative for the past). */
  public Condition lt(DurationValue fromNow) {
    return Predicates.compare(this, Operator.LT, Objects.requireNonNull(fromNow, "fromNow"));
  }

  /** {@code path <= fromNow}. */
  public Condition le(DurationValue fromNow) {
    return Predicates.compare(this, Operator.LE, Objects.requireNonNull(fromNow, "fromNow"));
  }

  /**
   * {@code path > -d}: within the last {@code d} ({@code ctime().withinLast(days(3))} is {@code
   * ctime > -3days}).
   */
  public Condition withinLast(DurationValue d) {
    return gt(Durations.negate(Objects.requireNonNull(d, "d")));
  }

  private static DateTimeValue at(Instant time) {
    return DateTimeValue.of(Objects.requireNonNull(time, "time"));
  }
}
