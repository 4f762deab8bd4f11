package dev.inventory.query.eval;

import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compiled {@code path [all|any|none] op value} with the null, time and array rules of DESIGN
 * §4.2.
 *
 * <ul>
 *   <li>{@code == null} matches a missing or null value; every other operator with a missing value is
 *       false, except {@code !=} and {@code !~}, which are the exact negations of {@code ==} and
 *       {@code =~}.
 *   <li>An array (or a path through {@code [*]}) matches when any element does; with {@code all}
 *       when every element does (an empty array: false); with {@code none} when no element does (an
 *       empty array: true).
 *   <li>The synthetic {@code age}, {@code last_update}, {@code last_access} compare their time with
 *       {@code now - duration} (or a datetime as given), the operator mirrored: {@code last_access >
 *       90d} is {@code atime < now - 90d}. A node without the time matches no operator but
 *       {@code == null} (and the negations).
 * </ul>
 */
final class PredicateCond implements Cond {
  private final PathReader path;
  private final Operator op; // EQ for NE, MATCHES for NOT_MATCHES
  private final boolean negate;
  private final Optional<ArrayModifier> modifier;
  private final Literal literal;
  private final List<Literal> list; // elements of a list literal
  private final Optional<Pattern> regex;

  PredicateCond(Predicate p, Optional<Pattern> regex) {
    this.path = new PathReader(p.path());
    this.negate = p.operator() == Operator.NE || p.operator() == Operator.NOT_MATCHES;
    this.op = switch (p.operator()) {
      case NE -> Operator.EQ;
      case NOT_MATCHES -> Operator.MATCHES;
      default -> p.operator();
    };
    this.modifier = p.modifier();
    this.literal = new Literal(p.value());
    List<Literal> elements = new ArrayList<>();
    if (p.value() instanceof ListValue l) {
      for (Value v : l.values()) {
        elements.add(new Literal(v));
      }
    }
    this.list = List.copyOf(elements);
    this.regex = regex;
  }

  @Override
  public boolean test(Run run, int node, Object element) {
    boolean r = element == PathReader.NO_ELEMENT && path.synthetic().isPresent()
        ? synthetic(run, node)
        : plain(run, node, element);
    return negate != r;
  }

  private boolean synthetic(Run run, int node) {
    if (!literal.isNull() && (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE)) {
      // The common stale-key filter: compare without reading the node's Instant.
      Optional<Instant> target = literal.time(run.now, true);
      if (target.isEmpty()) {
        return false;
      }
      int c = path.compareSyntheticTime(run, node, target.get());
      return c != SnapshotCache.ABSENT && ordered(mirror(op), c);
    }
    Instant t = path.syntheticTimeOrNull(run, node);
    if (literal.isNull()) {
      return op == Operator.EQ && t == null;
    }
    if (t == null) {
      return false;
    }
    return switch (op) {
      case EQ -> t.equals(literal.time(run.now, true).orElse(null));
      case LT, LE, GT, GE -> {
        Optional<Instant> target = literal.time(run.now, true);
        yield target.isPresent() && ordered(mirror(op), t.compareTo(target.get()));
      }
      case MATCHES -> regex.orElseThrow().matcher(Render.duration(Duration.between(t, run.now))).find();
      case IN -> list.stream().anyMatch(l -> l.time(run.now, true).map(t::equals).orElse(false));
      case NOT_IN -> list.stream().noneMatch(l -> l.time(run.now, true).map(t::equals).orElse(false));
      default -> false;
    };
  }

  private boolean plain(Run run, int node, Object element) {
    PathReader.Reading reading = path.read(run, node, element);
    List<Object> values = reading.values();
    if (literal.isNull()) {
      return op == Operator.EQ && values.isEmpty();
    }
    if (values.isEmpty()) {
      return false;
    }
    if (op == Operator.EQ && literal.value() instanceof ListValue && modifier.isEmpty()) {
      // A list literal with == compares whole arrays.
      Object lit = Scalars.natural(literal.value());
      return values.stream().anyMatch(v -> Scalars.equal(v, lit));
    }
    List<Object> elements = new ArrayList<>(values.size());
    for (Object v : values) {
      if (v instanceof List<?> l) {
        for (Object e : l) {
          Object x = Scalars.normalize(e);
          if (x != null) {
            elements.add(x);
          }
        }
      } else {
        elements.add(v);
      }
    }
    ArrayModifier mode = modifier.orElse(ArrayModifier.ANY);
    switch (mode) {
      case ALL -> {
        if (elements.isEmpty()) {
          return false;
        }
        for (Object e : elements) {
          if (!matches(run, reading, e)) {
            return false;
          }
        }
        return true;
      }
      case NONE -> {
        for (Object e : elements) {
          if (matches(run, reading, e)) {
            return false;
          }
        }
        return true;
      }
      default -> {
        for (Object e : elements) {
          if (matches(run, reading, e)) {
            return true;
          }
        }
        return false;
      }
    }
  }

  private boolean matches(Run run, PathReader.Reading reading, Object e) {
    return switch (op) {
      case EQ -> Scalars.equal(e, literal.as(reading.declared(), e, run.now));
      case LT, LE, GT, GE -> Scalars.compare(e, literal.as(reading.declared(), e, run.now))
          .map(c -> ordered(op, c))
          .orElse(false);
      case MATCHES -> Scalars.regexText(e).map(s -> regex.orElseThrow().matcher(s).find()).orElse(false);
      case IN -> inList(run, reading, e);
      case NOT_IN -> !inList(run, reading, e);
      default -> false;
    };
  }

  private boolean inList(Run run, PathReader.Reading reading, Object e) {
    for (Literal l : list) {
      if (Scalars.equal(e, l.as(reading.declared(), e, run.now))) {
        return true;
      }
    }
    return false;
  }

  private static Operator mirror(Operator op) {
    return switch (op) {
      case LT -> Operator.GT;
      case LE -> Operator.GE;
      case GT -> Operator.LT;
      case GE -> Operator.LE;
      default -> op;
    };
  }

  private static boolean ordered(Operator op, int c) {
    return switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> c == 0;
    };
  }
}
