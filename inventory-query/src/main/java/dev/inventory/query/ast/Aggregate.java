package dev.inventory.query.ast;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An aggregation: the result nodes grouped by the values of some paths, with functions over each
 * group, as Fix Inventory's {@code aggregate}. It stands before a query ({@code search
 * aggregate(kind: sum(1) as count): is(volume)}) or as a command ({@code | aggregate kind: sum(1) as
 * count}).
 *
 * <pre>{@code
 * new Aggregate(List.of(Aggregate.Group.of(Path.reported("kind"))),
 *     List.of(new Aggregate.Function(Aggregate.Kind.SUM, new Aggregate.Number(BigDecimal.ONE), Optional.of("count"))));
 * // kind: sum(1) as count
 * }</pre>
 *
 * @param groups the group-by paths, in order; empty for one group of every node
 * @param functions one or more functions, in order; their names differ from each other
 */
public record Aggregate(List<Group> groups, List<Function> functions) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

  /** Copies the lists, checks there is a function and that the output names are distinct. */
  public Aggregate {
    groups = List.copyOf(groups);
    functions = List.copyOf(functions);
    if (functions.isEmpty()) {
      throw new IllegalArgumentException("an aggregate has at least one function");
    }
    Set<String> names = new HashSet<>();
    for (Group g : groups) {
      if (!names.add(g.name())) {
        throw new IllegalArgumentException("two groups of an aggregate are named '" + g.name() + "'");
      }
    }
    Set<String> functionNames = new HashSet<>();
    for (Function f : functions) {
      if (!functionNames.add(f.name())) {
        throw new IllegalArgumentException("two functions of an aggregate are named '" + f.name() + "'");
      }
    }
  }

  /**
   * Whether {@code name} may follow {@code as}: letters, digits, {@code _} and {@code -}.
   *
   * @param name a candidate name
   * @return true for a valid name
   */
  public static boolean isName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * The text between {@code aggregate(} and {@code )}: {@code groups: functions}.
   *
   * @return the canonical text
   */
  public String spec() {
    String fns = functions.stream().map(Function::toString).collect(Collectors.joining(", "));
    return groups.isEmpty() ? fns : groups.stream().map(Group::toString).collect(Collectors.joining(", ")) + ": " + fns;
  }

  /** The preamble form: {@code aggregate(spec)}. */
  @Override
  public String toString() {
    return "aggregate(" + spec() + ")";
  }

  private static Optional<String> checkName(Optional<String> as) {
    Objects.requireNonNull(as, "as");
    as.ifPresent(n -> {
      if (!isName(n)) {
        throw new IllegalArgumentException("not a name for 'as': '" + n + "'");
      }
    });
    return as;
  }

  /**
   * One group-by variable.
   *
   * @param path the value to group by
   * @param as the name in the output; empty for the path's last segment name
   */
  public record Group(Path path, Optional<String> as) {
    /** Checks the name. */
    public Group {
      Objects.requireNonNull(path, "path");
      as = checkName(as);
    }

    /**
     * A group named after the path's last segment.
     *
     * @param path the value to group by
     * @return the group
     */
    public static Group of(Path path) {
      return new Group(path, Optional.empty());
    }

    /**
     * The name in the output: the {@code as} name, else the last segment ({@code name} for {@code
     * /ancestors.account.reported.name}).
     *
     * @return the name
     */
    public String name() {
      return as.orElseGet(() -> path.segments().get(path.segments().size() - 1).name());
    }

    @Override
    public String toString() {
      return as.map(n -> path + " as " + n).orElse(path.toString());
    }
  }

  /** The aggregate functions. */
  public enum Kind {
    /** The sum of the values. */
    SUM,
    /** How many nodes of the group have a value. */
    COUNT,
    /** The smallest value. */
    MIN,
    /** The largest value. */
    MAX,
    /** The mean of the values. */
    AVG,
    /** The population standard deviation of the values. */
    STDDEV,
    /** The population variance of the values. */
    VARIANCE;

    /**
     * The function word: {@code sum}, {@code count}, ...
     *
     * @return the word
     */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One function over the nodes of a group.
   *
   * @param kind the function
   * @param argument the value per node
   * @param as the name in the output; empty for {@code <function>_of_<argument>}
   */
  public record Function(Kind kind, Expression argument, Optional<String> as) {
    /** Checks the name. */
    public Function {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(argument, "argument");
      as = checkName(as);
    }

    /**
     * The name in the output: the {@code as} name, else Fix Inventory's {@code
     * <function>_of_<argument>} with every run of other characters than letters, digits and {@code
     * _} replaced by one {@code _} ({@code sum_of_volume_size}, {@code sum_of_1}).
     *
     * @return the name
     */
    public String name() {
      return as.orElseGet(() -> (kind.word() + "_of_" + argument).replaceAll("[^A-Za-z0-9_]+", "_"));
    }

    @Override
    public String toString() {
      String call = kind.word() + "(" + argument + ")";
      return as.map(n -> call + " as " + n).orElse(call);
    }
  }

  /** The argument of a function: numbers and paths with {@code + - * / %} and parentheses. */
  public sealed interface Expression permits Number, PathValue, Binary {}

  /**
   * A number.
   *
   * @param value the number
   */
  public record Number(BigDecimal value) implements Expression {
    /** Checks the value is given. */
    public Number {
      Objects.requireNonNull(value, "value");
    }

    /**
     * A number.
     *
     * @param value the number
     * @return the expression
     */
    public static Number of(long value) {
      return new Number(BigDecimal.valueOf(value));
    }

    /** Two numbers are equal when their values are, whatever their scale ({@code 2} and {@code 2.0}). */
    @Override
    public boolean equals(Object o) {
      return o instanceof Number n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  /**
   * The value of a path on the node; a node without a number there gives no value.
   *
   * @param path the path
   */
  public record PathValue(Path path) implements Expression {
    /** Checks the path is given. */
    public PathValue {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }

  /** The arithmetic operators, with their precedence. */
  public enum Operator {
    /** {@code +}. */
    PLUS("+", 1),
    /** {@code -}. */
    MINUS("-", 1),
    /** {@code *}. */
    TIMES("*", 2),
    /** {@code /}. */
    DIVIDE("/", 2),
    /** {@code %}. */
    MODULO("%", 2);

    private final String symbol;
    private final int precedence;

    Operator(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    /**
     * The operator's character.
     *
     * @return {@code +}, {@code -}, ...
     */
    public String symbol() {
      return symbol;
    }

    /**
     * How tightly the operator binds: 2 for {@code * / %}, 1 for {@code + -}.
     *
     * @return the precedence
     */
    public int precedence() {
      return precedence;
    }

    /**
     * The operator written with this character.
     *
     * @param symbol one character
     * @return the operator, empty for another character
     */
    public static Optional<Operator> fromSymbol(String symbol) {
      for (Operator o : values()) {
        if (o.symbol.equals(symbol)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * {@code left op right}.
   *
   * @param operator the operator
   * @param left the left operand
   * @param right the right operand
   */
  public record Binary(Operator operator, Expression left, Expression right) implements Expression {
    /** Checks the operands are given. */
    public Binary {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    /** Left to right with the usual precedence; parentheses only where the tree needs them. */
    @Override
    public String toString() {
      String l = left instanceof Binary b && b.operator.precedence < operator.precedence ? "(" + left + ")" : left.toString();
      String r = right instanceof Binary b && b.operator.precedence <= operator.precedence ? "(" + right + ")" : right.toString();
      return l + " " + operator.symbol + " " + r;
    }
  }
}
