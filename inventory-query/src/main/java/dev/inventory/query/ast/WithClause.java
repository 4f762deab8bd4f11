package dev.inventory.query.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code with(condition, navigation [term] [with(...)])}: keeps a node when the number of nodes its
 * navigation reaches (and {@code term} accepts, and the nested clause keeps) satisfies the
 * condition. The reached nodes are not returned.
 *
 * <pre>{@code
 * // with(empty, --> is(access_key))
 * new WithClause(WithCondition.empty(), Navigation.out(), Optional.of(IsTerm.of("access_key")), Optional.empty());
 * }</pre>
 */
public record WithClause(
    WithCondition condition, Navigation navigation, Optional<Term> term, Optional<WithClause> nested)
    implements Term {
  public WithClause {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(navigation, "navigation");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(nested, "nested");
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
