package dev.inventory.query;

import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Term;
import java.util.Objects;

/**
 * A filter built with the fluent DSL: a thin, typed wrapper around an AST {@link Term}. Every
 * factory and operator of {@link Q} returns one; {@link Search#where}, {@link Search#and} and
 * {@link Search#or} take one.
 *
 * <p>{@link #and} and {@link #or} build the same {@link And} and {@link Or} nodes as the parser, so
 * {@code a.and(b).or(c)} is the AST of the text {@code (a and b) or c}: each call wraps what was
 * built before it, the way the parenthesised text reads. Text that mixes {@code and} and {@code or}
 * without parentheses is a syntax error (a reader cannot tell which binds first), so the printed form always carries them.
 *
 * <pre>{@code
 * import static dev.inventory.query.Q.*;
 *
 * Condition stale = lastAccess().olderThan(days(90)).and(name().notIn("jenkins", "ci"));
 * stale.toString();   // last_access > 90days and name not in [jenkins, ci]
 * }</pre>
 *
 * @param term the AST of this condition
 */
public record Condition(Term term) {
  public Condition {
    Objects.requireNonNull(term, "term");
  }

  /** Wraps an AST term, for instance one read by {@code QueryParser}. */
  public static Condition of(Term term) {
    return new Condition(term);
  }

  /** {@code this and other}; an {@code and} on either side is flattened, as the parser does. */
  public Condition and(Condition other) {
    Objects.requireNonNull(other, "other");
    return new Condition(And.of(term, other.term));
  }

  /** {@code this or other}; an {@code or} on either side is flattened, as the parser does. */
  public Condition or(Condition other) {
    Objects.requireNonNull(other, "other");
    return new Condition(Or.of(term, other.term));
  }

  /** The canonical query text of the term. */
  @Override
  public String toString() {
    return term.toString();
  }
}
