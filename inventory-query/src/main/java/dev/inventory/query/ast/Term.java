package dev.inventory.query.ast;

/**
 * A filter on nodes: the {@code term} of a query {@link Part}.
 *
 * <p>{@link And} and {@link Or} flatten nested nodes of their own type on construction; the
 * printer puts parentheses wherever an {@code or} sits inside an {@code and} (or the other way
 * round), because mixing the two without parentheses is a syntax error (a reader cannot
 * tell which one binds first).
 *
 * <pre>{@code
 * Term t = And.of(IsTerm.of("access_key"),
 *     new Predicate(Path.reported("last_access"), Operator.GT, DurationValue.of(Duration.ofDays(90))));
 * t.toString();   // is(access_key) and last_access > 90d
 * }</pre>
 */
public sealed interface Term
    permits AllTerm, IsTerm, IdTerm, FunctionTerm, Predicate, ContextTerm, WithClause, FullText, And, Or, Not {}
