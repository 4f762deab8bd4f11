package dev.inventory.query.parse;

import java.util.Objects;

/**
 * A parse result with its text and a {@link SourceMap}, for checks that must point into the text
 * after parsing (unknown kinds, unknown properties).
 *
 * <pre>{@code
 * Parsed<Query> parsed = QueryParser.parseWithSource("is(access_key) <-- is(user)");
 * QueryValidator.checkKinds(parsed, KindRegistry.standard());
 * Query q = parsed.value();
 * }</pre>
 *
 * @param <T> {@link dev.inventory.query.ast.Query} or {@link dev.inventory.query.ast.Pipeline}
 */
public record Parsed<T>(String text, T value, SourceMap sourceMap) {
  public Parsed {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }
}
