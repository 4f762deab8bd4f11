package dev.inventory.query.ast;

import dev.inventory.EdgeType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A walk along edges: direction, edge types and a depth range.
 *
 * <pre>{@code
 * -->                 Navigation.out()                      OUT, default, 1..1
 * <--                 Navigation.in()                       IN, default, 1..1
 * <-->                Navigation.inOut()                    INOUT, default, 1..1
 * -[2]->              Navigation.out().range(2, 2)
 * -[1:]->             Navigation.out().unbounded(1)          1..unbounded
 * -[0:1]->            Navigation.out().range(0, 1)           start nodes included
 * -delete->           Navigation.out().edgeTypes(DELETE)
 * <-default,delete-   Navigation.in().edgeTypes(DEFAULT, DELETE)
 * <-delete[0:]default->  Navigation.inOut().unbounded(0).edgeTypes(DELETE).outEdgeTypes(DEFAULT)
 * -{ reported.x == 1 }->  Navigation.out().edgeFilter(...)   only edges whose properties match
 * }</pre>
 *
 * <p>Edge types are a set: they are kept sorted ({@code default} before {@code delete}) without
 * duplicates, so {@code -delete,default->} and {@code -default,delete->} build equal navigations.
 * Both directions of {@code <-->} use the same edge types unless {@code outEdgeTypes} names others
 * for the outward direction ({@code <-delete[0:]default->}: inward along {@code delete}, outward
 * along {@code default}).
 *
 * @param start the first depth returned, 0 to include the start nodes
 * @param end the last depth returned, at least {@code start}; empty means unbounded (the engine
 *     stops at its limit)
 * @param direction which way the walk follows edges
 * @param edgeTypes the edge types walked (for {@code <-->}: inward, and outward too unless {@code
 *     outEdgeTypes} is given)
 * @param outEdgeTypes only for {@code <-->}: the edge types walked outward when they differ from
 *     {@code edgeTypes}; empty otherwise (a list equal to {@code edgeTypes} is stored as empty)
 * @param edgeFilter a term over the properties of each edge walked ({@code -{term}->}); the edges
 *     of this inventory carry no properties, so a term holds on them exactly when it holds on an
 *     empty document
 */
public record Navigation(Direction direction, List<EdgeType> edgeTypes, int start, OptionalInt end,
    List<EdgeType> outEdgeTypes, Optional<Term> edgeFilter) {

  /** Which way the walk follows edges. */
  public enum Direction {
    /** Along edges, {@code -->}. */
    OUT,
    /** Against edges, {@code <--}. */
    IN,
    /** Both ways, {@code <-->}. */
    INOUT
  }

  public Navigation {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(edgeTypes, "edgeTypes");
    Objects.requireNonNull(end, "end");
    if (edgeTypes.isEmpty()) {
      throw new IllegalArgumentException("a navigation follows at least one edge type");
    }
    edgeTypes = List.copyOf(EnumSet.copyOf(edgeTypes));
    if (start < 0) {
      throw new IllegalArgumentException("a navigation range starts at 0 or more: " + start);
    }
    if (end.isPresent() && end.getAsInt() < start) {
      throw new IllegalArgumentException(
          "a navigation range ends at or after its start: [" + start + ":" + end.getAsInt() + "]");
    }
    Objects.requireNonNull(outEdgeTypes, "outEdgeTypes");
    Objects.requireNonNull(edgeFilter, "edgeFilter");
    outEdgeTypes = outEdgeTypes.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(outEdgeTypes));
    if (outEdgeTypes.equals(edgeTypes)) {
      outEdgeTypes = List.of();
    }
    if (!outEdgeTypes.isEmpty() && direction != Direction.INOUT) {
      throw new IllegalArgumentException("only <--> has separate outward edge types");
    }
  }

  /**
   * A navigation without separate outward edge types or an edge filter.
   *
   * @param direction which way the walk follows edges
   * @param edgeTypes the edge types walked
   * @param start the first depth returned
   * @param end the last depth returned; empty means unbounded
   */
  public Navigation(Direction direction, List<EdgeType> edgeTypes, int start, OptionalInt end) {
    this(direction, edgeTypes, start, end, List.of(), Optional.empty());
  }

  /**
   * The edge types walked outward: {@code outEdgeTypes} if given, else {@code edgeTypes}.
   *
   * @return the outward edge types
   */
  public List<EdgeType> outwardEdgeTypes() {
    return outEdgeTypes.isEmpty() ? edgeTypes : outEdgeTypes;
  }

  /**
   * This {@code <-->} navigation walking outward along {@code types} (inward along {@link
   * #edgeTypes()}).
   *
   * @param types the outward edge types
   * @return the navigation
   */
  public Navigation outEdgeTypes(EdgeType... types) {
    return new Navigation(direction, edgeTypes, start, end, List.of(types), edgeFilter);
  }

  /**
   * This navigation following only edges on which {@code filter} holds.
   *
   * @param filter a term over edge properties
   * @return the navigation
   */
  public Navigation edgeFilter(Term filter) {
    return new Navigation(direction, edgeTypes, start, end, outEdgeTypes, Optional.of(filter));
  }

  /** {@code -->}: one step along {@code default} edges. */
  public static Navigation out() {
    return new Navigation(Direction.OUT, List.of(EdgeType.DEFAULT), 1, OptionalInt.of(1));
  }

  /** {@code <--}: one step against {@code default} edges. */
  public static Navigation in() {
    return new Navigation(Direction.IN, List.of(EdgeType.DEFAULT), 1, OptionalInt.of(1));
  }

  /** {@code <-->}: one step both ways along {@code default} edges. */
  public static Navigation inOut() {
    return new Navigation(Direction.INOUT, List.of(EdgeType.DEFAULT), 1, OptionalInt.of(1));
  }

  /** This navigation over these edge types. */
  public Navigation edgeTypes(EdgeType... types) {
    return edgeTypes(List.of(types));
  }

  /** This navigation over these edge types. */
  public Navigation edgeTypes(Collection<EdgeType> types) {
    List<EdgeType> out = outEdgeTypes.isEmpty() ? List.of() : outEdgeTypes;
    return new Navigation(direction, List.copyOf(types), start, end, out, edgeFilter);
  }

  /** This navigation returning depths {@code start..end}. */
  public Navigation range(int start, int end) {
    return new Navigation(direction, edgeTypes, start, OptionalInt.of(end), outEdgeTypes, edgeFilter);
  }

  /** This navigation returning depths {@code start} and deeper. */
  public Navigation unbounded(int start) {
    return new Navigation(direction, edgeTypes, start, OptionalInt.empty(), outEdgeTypes, edgeFilter);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
