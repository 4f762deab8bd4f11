package dev.inventory.query.internal;

import dev.inventory.query.ast.And;
import dev.inventory.query.ast.ContextTerm;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import dev.inventory.query.ast.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a condition onto an ancestor: every path {@code p} becomes {@code
 * /ancestors.<kind>.<section>.p}, which is what the text query writes for "the owner's name" and
 * what {@code Search.owner(User.class, name().eq("x"))} builds. Not API.
 */
public final class Reroot {
  private Reroot() {}

  /**
   * {@code term} with every path read from the nearest ancestor of {@code kind}.
   *
   * @throws IllegalArgumentException for a term that does not compare properties ({@code is},
   *     {@code id}, {@code all}, full text, {@code with}) or a path that already names an ancestor
   *     or descendant: the text language has no way to say those about an ancestor
   */
  public static Term toAncestor(Term term, String kind) {
    if (term instanceof Predicate p) {
      return new Predicate(toAncestor(p.path(), kind), p.modifier(), p.operator(), p.value());
    }
    if (term instanceof ContextTerm c) {
      // Paths inside a context are relative to the array element, so only the outer path moves.
      return new ContextTerm(toAncestor(c.path(), kind), c.term());
    }
    if (term instanceof And a) {
      return new And(map(a.terms(), kind));
    }
    if (term instanceof Or o) {
      return new Or(map(o.terms(), kind));
    }
    if (term instanceof Not n) {
      return new Not(toAncestor(n.term(), kind));
    }
    throw new IllegalArgumentException(
        "a condition on the " + kind + " compares its properties; '" + term
            + "' cannot be read from an ancestor");
  }

  /** {@code /ancestors.<kind>.<section>.<segments>} for a path in reported, desired or metadata. */
  public static Path toAncestor(Path path, String kind) {
    if (path.section().takesKind()) {
      throw new IllegalArgumentException(
          "'" + path + "' already reads another node; it cannot be read from the " + kind + " as well");
    }
    List<Segment> segments = new ArrayList<>(path.segments().size() + 1);
    segments.add(Segment.of(path.section().keyword()));
    segments.addAll(path.segments());
    return new Path(Section.ANCESTORS, Optional.of(kind), segments);
  }

  private static List<Term> map(List<Term> terms, String kind) {
    return terms.stream().map(t -> toAncestor(t, kind)).toList();
  }
}
