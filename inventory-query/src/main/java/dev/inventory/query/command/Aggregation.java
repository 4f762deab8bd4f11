package dev.inventory.query.command;

import dev.inventory.Resource;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.internal.eval.Render;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Evaluates an {@link Aggregate} over result nodes. A group value is the path's value ({@code null}
 * without one, a list for several). A function's argument is evaluated per node; a node whose paths
 * give no single number there (missing, a string, several values) or that divides by zero gives no
 * value and is left out of that function, as a database aggregate leaves out nulls. A duration
 * ({@code age}, {@code last_access}) is a number of seconds. {@code count}
 * counts the nodes with a value; {@code stddev} and {@code variance} are those of the population.
 */
final class Aggregation {
  private static final Comparator<List<Object>> GROUP_ORDER = Aggregation::compareGroups;

  private Aggregation() {}

  static CommandResult.Aggregated aggregate(Query query, Aggregate spec, SearchResult result, List<Resource> nodes) {
    Map<List<Object>, List<Accumulator>> groups = new TreeMap<>(GROUP_ORDER);
    for (Resource node : nodes) {
      List<Object> key = new ArrayList<>(spec.groups().size());
      for (Aggregate.Group g : spec.groups()) {
        List<Object> values = result.values(g.path(), node);
        key.add(values.isEmpty() ? null : values.size() == 1 ? values.get(0) : List.copyOf(values));
      }
      List<Accumulator> accumulators = groups.computeIfAbsent(key, k -> {
        List<Accumulator> fresh = new ArrayList<>();
        spec.functions().forEach(f -> fresh.add(new Accumulator()));
        return fresh;
      });
      for (int i = 0; i < spec.functions().size(); i++) {
        Double v = evaluate(spec.functions().get(i).argument(), result, node);
        if (v != null) {
          accumulators.get(i).add(v);
        }
      }
    }
    List<CommandResult.Aggregated.Row> rows = new ArrayList<>(groups.size());
    StringJoiner text = new StringJoiner("\n");
    for (Map.Entry<List<Object>, List<Accumulator>> e : groups.entrySet()) {
      Map<String, Object> group = new LinkedHashMap<>();
      for (int i = 0; i < spec.groups().size(); i++) {
        group.put(spec.groups().get(i).name(), e.getKey().get(i));
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < spec.functions().size(); i++) {
        Aggregate.Function f = spec.functions().get(i);
        values.put(f.name(), e.getValue().get(i).result(f.kind()));
      }
      rows.add(new CommandResult.Aggregated.Row(group, values));
      Map<String, Object> line = new LinkedHashMap<>();
      if (!spec.groups().isEmpty()) {
        line.put("group", group);
      }
      line.putAll(values);
      text.add(Render.json(line));
    }
    return new CommandResult.Aggregated(query, spec, rows, text.toString());
  }

  /** The argument's value on one node, or null where it has none. */
  private static Double evaluate(Aggregate.Expression e, SearchResult result, Resource node) {
    if (e instanceof Aggregate.Number n) {
      return n.value().doubleValue();
    }
    if (e instanceof Aggregate.PathValue p) {
      List<Object> values = result.values(p.path(), node);
      if (values.size() != 1) {
        return null;
      }
      Object v = values.get(0);
      // A duration (age, last_access) counts in seconds, so that min(age) is a number.
      return v instanceof Number n ? (Double) n.doubleValue()
          : v instanceof java.time.Duration d ? (Double) (d.toMillis() / 1000.0) : null;
    }
    Aggregate.Binary b = (Aggregate.Binary) e;
    Double l = evaluate(b.left(), result, node);
    Double r = l == null ? null : evaluate(b.right(), result, node);
    if (r == null) {
      return null;
    }
    double v = switch (b.operator()) {
      case PLUS -> l + r;
      case MINUS -> l - r;
      case TIMES -> l * r;
      case DIVIDE -> l / r;
      case MODULO -> l % r;
    };
    return Double.isFinite(v) ? v : null;
  }

  /** Groups in the order of their values: nulls first, numbers before other values, then by text. */
  private static int compareGroups(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      int c = Double.compare(x.doubleValue(), y.doubleValue());
      return c != 0 ? c : a.toString().compareTo(b.toString());
    }
    if (a instanceof Number != b instanceof Number) {
      return a instanceof Number ? -1 : 1;
    }
    int c = Render.json(a).compareTo(Render.json(b));
    return c != 0 ? c : a.getClass().getName().compareTo(b.getClass().getName());
  }

  /** Running sums of one function in one group (Welford's update for mean and variance). */
  private static final class Accumulator {
    private long n;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double mean;
    private double m2;

    void add(double v) {
      n++;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      double delta = v - mean;
      mean += delta / n;
      m2 += delta * (v - mean);
    }

    Object result(Aggregate.Kind kind) {
      if (kind == Aggregate.Kind.COUNT) {
        return n;
      }
      if (kind == Aggregate.Kind.SUM) {
        return number(sum);
      }
      if (n == 0) {
        return null;
      }
      return switch (kind) {
        case MIN -> number(min);
        case MAX -> number(max);
        case AVG -> number(sum / n);
        case VARIANCE -> number(m2 / n);
        case STDDEV -> number(Math.sqrt(m2 / n));
        default -> throw new IllegalStateException("handled above: " + kind);
      };
    }

    /** A whole number as a Long, so that it prints as {@code 2} and not {@code 2.0}. */
    private static Object number(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
    }
  }
}
