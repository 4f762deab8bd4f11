package dev.inventory.query.internal.eval;

import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Value;
import java.time.Duration;
import java.time.Instant;
import dev.inventory.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compiled {@code path [all|any|none] op value} with the query language's null, time and array
 * rules.
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
  private final String columnProperty; // the property whose StringColumn can answer, or null

  /** What a reading of a string property declared as a string looks like to {@link #matches}. */
  private static final Optional<ValueType> DECLARED_STRING = Optional.of(ValueType.STRING);

  /** Per run: the column and, per distinct string, whether it matches (0 not known, 1 no, 2 yes). */
  private static final class ColumnState {
    final StringColumn column;
    byte[] memo = new byte[64];

    ColumnState(StringColumn column) {
      this.column = column;
    }
  }

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
    // ==, !=, in, not in on one top-level property: the answer for a string depends on the string
    // alone, so a string column can answer once per distinct value (see byColumn).
    boolean simpleOp = op == Operator.IN || op == Operator.NOT_IN
        || (op == Operator.EQ && !(p.value() instanceof ListValue));
    this.columnProperty = simpleOp && !literal.isNull() && modifier.isEmpty() && StringColumn.fits(p.path())
        ? p.path().segments().get(0).name()
        : null;
  }

  @Override
  public boolean test(Run run, int node, Object element) {
    boolean r;
    if (element != PathReader.NO_ELEMENT) {
      r = plain(run, node, element);
    } else if (path.synthetic().isPresent()) {
      r = synthetic(run, node);
    } else if (columnProperty != null && run.cache.remembers()) {
      r = byColumn(run, node);
    } else {
      r = plain(run, node, element);
    }
    return negate != r;
  }

  @Override
  public int[] filter(Run run, int[] candidates) {
    if (path.synthetic().isPresent() && !literal.isNull() && !negate && run.cache.remembers()
        && (op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE)) {
      // The stale-key filter over many nodes: one tight loop over the time column.
      Optional<Instant> target = literal.time(run.now, true);
      if (target.isEmpty()) {
        return new int[0];
      }
      Operator m = mirror(op);
      return run.cache.filterTime(path.synthetic().get(), candidates, target.get(),
          m == Operator.LT || m == Operator.LE, m == Operator.LE || m == Operator.GE, m == Operator.GT || m == Operator.GE);
    }
    return Cond.super.filter(run, candidates);
  }

  /**
   * {@link #plain} for a node read through the property's string column: the same answer, worked out
   * once per distinct string in a run. A node the column does not hold as a string is read as usual.
   */
  private boolean byColumn(Run run, int node) {
    ColumnState s = run.scratch(this, () -> new ColumnState(run.cache.strings(columnProperty)));
    int code = s.column.code(node);
    if (code == StringColumn.ABSENT) {
      return false; // a missing value matches no operator but == null, which does not come here
    }
    if (code == StringColumn.OTHER) {
      return plain(run, node, PathReader.NO_ELEMENT);
    }
    int o = StringColumn.ordinal(code);
    if (o >= s.memo.length) {
      s.memo = Arrays.copyOf(s.memo, Math.max(o + 1, s.memo.length * 2));
    }
    byte known = s.memo[o];
    if (known == 0) {
      String text = s.column.text(code);
      // As plain() goes for a single string value of a declared string property.
      boolean m = matches(run, new PathReader.Reading(List.of(text), DECLARED_STRING), text);
      known = m ? (byte) 2 : (byte) 1;
      s.memo[o] = known;
    }
    return known == 2;
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
