package dev.inventory.query.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of a {@link Query}: {@code [term] [#tag] [sort] [limit] [reversed] [navigation]}. A
 * missing term means all nodes (the input of the part), but {@code Optional.empty()} and {@code
 * all} stay distinct because they print differently. A {@code with(...)} clause is part of the term
 * (its last {@code and} operand) and prints in Fix Inventory's place, after the rest of the term.
 *
 * <pre>{@code
 * // is(access_key) sort name limit 10 <--
 * new Part(Optional.of(IsTerm.of("access_key")), List.of(Sort.asc(Path.reported("name"))),
 *     Optional.of(Limit.of(10)), Optional.of(Navigation.in()));
 * }</pre>
 *
 * @param term the filter; empty means every input node
 * @param sort the sort keys, possibly none
 * @param limit the slice of the sorted nodes to keep
 * @param navigation the walk to the input of the next part
 * @param tag {@code #name}: the nodes this part keeps are also part of the query's result (before
 *     its last part's nodes), as in Fix Inventory; a name of {@code A-Z a-z 0-9 _ -}
 * @param reversed {@code reversed}: the nodes this part keeps, in the opposite order
 * @param merges {@code {name: query, ...}} after the term: values found from each kept node, readable
 *     by the post-filter and by the commands; needs a term (the pre-filter)
 * @param postFilter the term after the merge block, which can read the merged values; only with merges
 */
public record Part(Optional<Term> term, List<Sort> sort, Optional<Limit> limit, Optional<Navigation> navigation,
    Optional<String> tag, boolean reversed, List<MergeQuery> merges, Optional<Term> postFilter) {
  public Part {
    merges = List.copyOf(Objects.requireNonNull(merges, "merges"));
    Objects.requireNonNull(postFilter, "postFilter");
    if (!merges.isEmpty() && term.isEmpty()) {
      throw new IllegalArgumentException("a merge block follows a term, as in 'all {name: <--}'");
    }
    if (merges.isEmpty() && postFilter.isPresent()) {
      throw new IllegalArgumentException("a post-filter term follows a merge block");
    }
    Objects.requireNonNull(term, "term");
    sort = List.copyOf(Objects.requireNonNull(sort, "sort"));
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(navigation, "navigation");
    Objects.requireNonNull(tag, "tag");
    if (tag.isPresent() && !isTagName(tag.get())) {
      throw new IllegalArgumentException("a part tag is a name of A-Z a-z 0-9 _ - starting with a letter or digit: '"
          + tag.get() + "'");
    }
    if (term.isEmpty() && sort.isEmpty() && limit.isEmpty() && navigation.isEmpty() && tag.isEmpty() && !reversed) {
      throw new IllegalArgumentException("a query part has a term, a tag, a sort, a limit, reversed or a navigation");
    }
  }

  /**
   * A part without merges.
   *
   * @param term the filter; empty means every input node
   * @param sort the sort keys, possibly none
   * @param limit the slice of the sorted nodes to keep
   * @param navigation the walk to the input of the next part
   * @param tag the part's tag
   * @param reversed whether the kept nodes are in the opposite order
   */
  public Part(Optional<Term> term, List<Sort> sort, Optional<Limit> limit, Optional<Navigation> navigation,
      Optional<String> tag, boolean reversed) {
    this(term, sort, limit, navigation, tag, reversed, List.of(), Optional.empty());
  }

  /**
   * This part with a merge block and a post-filter after its term.
   *
   * @param mergeQueries the merge entries, at least one
   * @param post the term after the merge block, if any
   * @return the part with the merges
   */
  public Part merging(List<MergeQuery> mergeQueries, Optional<Term> post) {
    return new Part(term, sort, limit, navigation, tag, reversed, mergeQueries, post);
  }

  /**
   * A part without a tag that keeps its order.
   *
   * @param term the filter; empty means every input node
   * @param sort the sort keys, possibly none
   * @param limit the slice of the sorted nodes to keep
   * @param navigation the walk to the input of the next part
   */
  public Part(Optional<Term> term, List<Sort> sort, Optional<Limit> limit, Optional<Navigation> navigation) {
    this(term, sort, limit, navigation, Optional.empty(), false);
  }

  /**
   * This part with the tag {@code name}.
   *
   * @param name the tag
   * @return the tagged part
   */
  public Part tagged(String name) {
    return new Part(term, sort, limit, navigation, Optional.of(name), reversed, merges, postFilter);
  }

  /**
   * This part with its nodes in the opposite order.
   *
   * @return the reversed part
   */
  public Part reverse() {
    return new Part(term, sort, limit, navigation, tag, true, merges, postFilter);
  }

  /**
   * Whether {@code s} can be a part tag: {@code [A-Za-z0-9][A-Za-z0-9_-]*}.
   *
   * @param s the candidate
   * @return true if it is a tag name
   */
  public static boolean isTagName(String s) {
    if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
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
