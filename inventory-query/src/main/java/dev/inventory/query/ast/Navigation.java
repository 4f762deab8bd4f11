package dev.inventory.query.ast;

import dev.inventory.EdgeType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
 * }</pre>
 *
 * <p>Edge types are a set: they are kept sorted ({@code default} before {@code delete}) without
 * duplicates, so {@code -delete,default->} and {@code -default,delete->} build equal navigations.
 * Both directions of {@code <-->} use the same edge types.
 *
 * @param start the first depth returned, 0 to include the start nodes
 * @param end the last depth returned, at least {@code start}; empty means unbounded (the engine
 *     stops at its limit)
 */
public record Navigation(Direction direction, List<EdgeType> edgeTypes, int start, OptionalInt end) {

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
    return new Navigation(direction, List.copyOf(types), start, end);
  }

  /** This navigation returning depths {@code start..end}. */
  public Navigation range(int start, int end) {
    return new Navigation(direction, edgeTypes, start, OptionalInt.of(end));
  }

  /** This navigation returning depths {@code start} and deeper. */
  public Navigation unbounded(int start) {
    return new Navigation(direction, edgeTypes, start, OptionalInt.empty());
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
