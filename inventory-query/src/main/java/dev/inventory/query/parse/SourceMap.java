package dev.inventory.query.parse;

import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the nodes of a parsed AST came from in the text. A side table keyed by node identity,
 * because AST equality deliberately ignores positions: two equal nodes from different places have
 * different spans.
 *
 * <pre>{@code
 * Parsed<Query> p = QueryParser.parseWithSource("is(acess_key)");
 * IsTerm is = (IsTerm) p.value().parts().get(0).term().orElseThrow();
 * p.sourceMap().kindSpans(is).get(0);   // Span[offset=3, length=9]
 * }</pre>
 */
public final class SourceMap {
  private final Map<Object, Span> spans = new IdentityHashMap<>();
  private final Map<Object, List<Span>> kindSpans = new IdentityHashMap<>();

  SourceMap() {}

  void put(Object node, Span span) {
    spans.put(node, span);
  }

  void putKinds(Object node, List<Span> spans) {
    kindSpans.put(node, List.copyOf(spans));
  }

  /** The text of a term, path, value or command of the parsed AST (by identity). */
  public Optional<Span> span(Object node) {
    return Optional.ofNullable(spans.get(node));
  }

  /** The text of each kind name of an {@code is(...)} term, in order; empty if unknown. */
  public List<Span> kindSpans(IsTerm term) {
    return kindSpans.getOrDefault(term, List.of());
  }

  /** The text of the kind in {@code /ancestors.<kind>...} or {@code /descendants.<kind>...}. */
  public Optional<Span> kindSpan(Path path) {
    List<Span> s = kindSpans.get(path);
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.get(0));
  }
}
