package dev.inventory.query.dsl;

import dev.inventory.EdgeType;
import dev.inventory.query.Condition;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.WithClause;
import dev.inventory.query.ast.WithCondition;
import java.util.Objects;
import java.util.Optional;

/**
 * A navigation and, optionally, a filter on the nodes it reaches: the argument of {@code
 * Search.navigate(...)} and of {@code with(...)} clauses. Made by {@link
 * dev.inventory.query.Q#successors}, {@link dev.inventory.query.Q#predecessors} and {@link
 * dev.inventory.query.Q#neighbors}; immutable.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * successors(AccessKey.class);                              // --> is(access_key)
 * predecessors().edges(EdgeType.DELETE).depthFrom(1);       // <-delete[1:]-
 * Search.of(User.class).with(empty(), successors(AccessKey.class));
 *                                                           // is(user) and with(empty, --> is(access_key))
 * }</pre>
 *
 * @param term what the reached nodes must satisfy, if anything
 * @param nested a {@code with(...)} clause the reached nodes must satisfy, written right after the
 *     navigation in text
 */
public record Walk(Navigation navigation, Optional<Term> term, Optional<WithClause> nested) {
  public Walk {
    Objects.requireNonNull(navigation, "navigation");
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(nested, "nested");
  }

  /** A walk along {@code navigation} that keeps every node it reaches. */
  public static Walk of(Navigation navigation) {
    return new Walk(navigation, Optional.empty(), Optional.empty());
  }

  /** The reached nodes must also satisfy {@code condition} (joined with {@code and}). */
  public Walk where(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    Term t = term.<Term>map(existing -> And.of(existing, condition.term())).orElse(condition.term());
    return new Walk(navigation, Optional.of(t), nested);
  }

  /**
   * The reached nodes must satisfy this {@code with(...)} clause, written after the navigation:
   * {@code with(any, --> with(empty, -->))}.
   */
  public Walk with(WithCondition condition, Walk walk) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(walk, "walk");
    return new Walk(navigation, term, Optional.of(walk.clause(condition)));
  }

  /** Follow these edge types ({@code default} by default). */
  public Walk edges(EdgeType... types) {
    return new Walk(navigation.edgeTypes(types), term, nested);
  }

  /**
   * For a walk both ways: follow these edge types outward (inward stays {@link #edges}): {@code
   * neighbors().edges(DELETE).outEdges(DEFAULT)} is {@code <-delete[1:1]default->}.
   *
   * @param types the outward edge types
   * @return the walk
   * @throws IllegalArgumentException when the walk is not both ways
   */
  public Walk outEdges(EdgeType... types) {
    return new Walk(navigation.outEdgeTypes(types), term, nested);
  }

  /**
   * Follow only edges whose properties satisfy {@code condition}: {@code -{condition}->}. The edges
   * of an inventory carry no properties, so the condition decides as on an empty document.
   *
   * @param condition a condition on edge properties
   * @return the walk
   */
  public Walk edgesWhere(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new Walk(navigation.edgeFilter(condition.term()), term, nested);
  }

  /** Return the nodes exactly {@code n} steps away: {@code -[n]->}. */
  public Walk depth(int n) {
    return new Walk(navigation.range(n, n), term, nested);
  }

  /** Return the nodes {@code start} to {@code end} steps away: {@code -[start:end]->}. */
  public Walk depth(int start, int end) {
    return new Walk(navigation.range(start, end), term, nested);
  }

  /** Return the nodes {@code start} or more steps away: {@code -[start:]->}. */
  public Walk depthFrom(int start) {
    return new Walk(navigation.unbounded(start), term, nested);
  }

  /**
   * The filter on the reached nodes as one term: the term and the nested clause joined with
   * {@code and}, which is what the nested clause means.
   */
  public Optional<Term> filter() {
    if (term.isPresent() && nested.isPresent()) {
      return Optional.of(And.of(term.get(), nested.get()));
    }
    return term.isPresent() ? term : nested.map(n -> (Term) n);
  }

  /** The clause {@code with(condition, <this walk>)}. */
  public WithClause clause(WithCondition condition) {
    return new WithClause(condition, navigation, term, nested);
  }

  /** The navigation and the filter as query text: {@code --> is(access_key)}. */
  @Override
  public String toString() {
    return filter().map(t -> navigation + " " + t).orElse(navigation.toString());
  }
}
