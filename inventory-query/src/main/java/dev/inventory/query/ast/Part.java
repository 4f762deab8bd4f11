package dev.inventory.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a {@link Query}: {@code [term] [sort] [limit] [navigation]}. A missing term means
 * all nodes (the input of the part), but {@code Optional.empty()} and {@code all} stay distinct
 * because they print differently.
 *
 * <pre>{@code
 * // is(access_key) sort name limit 10 <--
 * new Part(Optional.of(IsTerm.of("access_key")), List.of(Sort.asc(Path.reported("name"))),
 *     Optional.of(Limit.of(10)), Optional.of(Navigation.in()));
 * }</pre>
 *
 * @param sort the sort keys, possibly none
 */
public record Part(Optional<Term> term, List<Sort> sort, Optional<Limit> limit, Optional<Navigation> navigation) {
  public Part {
    Objects.requireNonNull(term, "term");
    sort = List.copyOf(Objects.requireNonNull(sort, "sort"));
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(navigation, "navigation");
    if (term.isEmpty() && sort.isEmpty() && limit.isEmpty() && navigation.isEmpty()) {
      throw new IllegalArgumentException("a query part has a term, a sort, a limit or a navigation");
    }
  }

  /** A part that is only a term. */
  public static Part of(Term term) {
    return new Part(Optional.of(term), List.of(), Optional.empty(), Optional.empty());
  }

  /** A part that filters with {@code term} and then walks {@code navigation}. */
  public static Part of(Term term, Navigation navigation) {
    return new Part(Optional.of(term), List.of(), Optional.empty(), Optional.of(navigation));
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
