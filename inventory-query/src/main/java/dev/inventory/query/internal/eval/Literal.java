package dev.inventory.query.internal.eval;

import dev.inventory.ValueType;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A literal with its coercions worked out once at compile time; only those that depend on
 * {@code now} (a duration compared with a time) are finished per run.
 */
final class Literal {
  private final Value value;
  private final Object natural;
  private final String text;
  private final Object number;
  private final Object bool;
  private final Optional<Instant> fixedTime;
  private final Optional<Duration> relativeTime;

  Literal(Value value) {
    this.value = value;
    this.natural = Scalars.natural(value);
    this.text = value instanceof NullValue ? null : Scalars.text(value);
    Instant anyNow = Instant.EPOCH; // not used by these coercions
    this.number = Scalars.coerce(value, ValueType.INT, anyNow);
    this.bool = Scalars.coerce(value, ValueType.BOOLEAN, anyNow);
    if (value instanceof DurationValue d) {
      this.fixedTime = Optional.empty();
      this.relativeTime = Optional.of(d.duration());
    } else if (value instanceof DateTimeValue d) {
      this.fixedTime = Optional.of(d.instant());
      this.relativeTime = Optional.empty();
    } else if (value instanceof StringValue s) {
      this.fixedTime = Scalars.parseDatetime(s.value());
      this.relativeTime = fixedTime.isPresent() ? Optional.empty() : DurationValue.parseDuration(s.value().strip());
    } else {
      this.fixedTime = Optional.empty();
      this.relativeTime = Optional.empty();
    }
  }

  boolean isNull() {
    return value instanceof NullValue;
  }

  Value value() {
    return value;
  }

  /**
   * The literal as a value to compare with {@code element}: coerced to the declared type when the
   * path is a declared scalar property, to a time when the element is a time, else as written.
   */
  Object as(Optional<ValueType> declared, Object element, Instant now) {
    ValueType target = declared.filter(Literal::isScalar)
        .orElse(element instanceof Instant ? ValueType.DATETIME : ValueType.ANY);
    return switch (target) {
      case STRING -> text == null ? Scalars.NONE : text;
      case INT, DOUBLE -> number;
      case BOOLEAN -> bool;
      case DATETIME -> time(now, false).map(i -> (Object) i).orElse(Scalars.NONE);
      default -> natural;
    };
  }

  /**
   * The literal as a time: a datetime as it is, a duration as {@code now + d}, or, for the
   * synthetic properties ({@code mirror}), as {@code now - d}.
   */
  Optional<Instant> time(Instant now, boolean mirror) {
    if (fixedTime.isPresent()) {
      return fixedTime;
    }
    if (relativeTime.isEmpty()) {
      return Optional.empty();
    }
    // A run tests many nodes with the same now (the same Instant object): work it out once.
    Relative last = lastRelative;
    if (last != null && last.now == now && last.mirror == mirror) {
      return last.time;
    }
    Duration d = relativeTime.get();
    Optional<Instant> t = mirror ? Scalars.minus(now, d) : Scalars.plus(now, d);
    lastRelative = new Relative(now, mirror, t);
    return t;
  }

  /** The last relative time worked out, for the {@code now} object it was worked out for. */
  private record Relative(Instant now, boolean mirror, Optional<Instant> time) {}

  // Immutable records behind a volatile field: a race only means working a time out twice.
  private volatile Relative lastRelative;

  private static boolean isScalar(ValueType t) {
    return switch (t) {
      case STRING, INT, DOUBLE, BOOLEAN, DATETIME -> true;
      default -> false;
    };
  }
}
