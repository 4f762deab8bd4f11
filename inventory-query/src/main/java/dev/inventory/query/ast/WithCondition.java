package dev.inventory.query.ast;

import java.util.Objects;

/**
 * How many nodes the navigation of a {@link WithClause} must reach: {@code empty} (none), {@code
 * any} (at least one) or {@code count op n}.
 *
 * <pre>{@code
 * WithCondition.empty();                    // empty
 * WithCondition.count(Operator.GT, 2);      // count > 2
 * }</pre>
 */
public sealed interface WithCondition permits WithCondition.Empty, WithCondition.Any, WithCondition.Count {

  /** No node is reached. */
  static Empty empty() {
    return new Empty();
  }

  /** At least one node is reached. */
  static Any any() {
    return new Any();
  }

  /** The number of reached nodes compares with {@code n}. */
  static Count count(Operator operator, int n) {
    return new Count(operator, n);
  }

  /** {@code empty}. */
  record Empty() implements WithCondition {
    @Override
    public String toString() {
      return "empty";
    }
  }

  /** {@code any}. */
  record Any() implements WithCondition {
    @Override
    public String toString() {
      return "any";
    }
  }

  /**
   * {@code count op n}.
   *
   * @param operator one of {@code == != < <= > >=}
   * @param n not negative
   */
  record Count(Operator operator, int n) implements WithCondition {
    public Count {
      Objects.requireNonNull(operator, "operator");
      if (!operator.isComparison()) {
        throw new IllegalArgumentException("count compares with == != < <= > >=, not " + operator);
      }
      if (n < 0) {
        throw new IllegalArgumentException("count compares with a number >= 0: " + n);
      }
    }

    @Override
    public String toString() {
      return "count " + operator.symbol() + " " + n;
    }
  }
}
