package dev.inventory.query.ast;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A search query: one or more {@link Part}s; every part but the last ends with a navigation whose
 * result the next part filters.
 *
 * <p>{@code toString()} is canonical query text: {@code QueryParser.parse(q.toString()).equals(q)}
 * for every query.
 *
 * <pre>{@code
 * Query q = QueryParser.parse("is(access_key) and last_access > 90days <-- is(user)");
 * q.parts().size();   // 2
 * q.toString();       // is(access_key) and last_access > 90days <-- is(user)
 * }</pre>
 */
public record Query(List<Part> parts) {
  public Query {
    parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a query has at least one part");
    }
    for (int i = 0; i < parts.size() - 1; i++) {
      if (parts.get(i).navigation().isEmpty()) {
        throw new IllegalArgumentException("every query part but the last ends with a navigation (part " + (i + 1) + ")");
      }
    }
  }

  /** A query of these parts. */
  public static Query of(Part... parts) {
    return new Query(Arrays.asList(parts));
  }

  /** A query of one part that is only {@code term}. */
  public static Query of(Term term) {
    return new Query(List.of(Part.of(term)));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }

  /**
   * The paths that the predicates of every part read at the node's own level (not inside context
   * terms or {@code with} clauses), in order of appearance, each once: what a default {@code list}
   * shows and what a failed policy assertion explains.
   *
   * @return the paths, possibly none
   */
  public List<Path> predicatePaths() {
    Set<Path> out = new LinkedHashSet<>();
    for (Part p : parts) {
      p.term().ifPresent(t -> collectPaths(t, out));
    }
    return List.copyOf(out);
  }

  private static void collectPaths(Term t, Set<Path> out) {
    if (t instanceof Predicate p) {
      out.add(p.path());
    } else if (t instanceof And a) {
      a.terms().forEach(x -> collectPaths(x, out));
    } else if (t instanceof Or o) {
      o.terms().forEach(x -> collectPaths(x, out));
    } else if (t instanceof Not n) {
      collectPaths(n.term(), out);
    }
  }
}
