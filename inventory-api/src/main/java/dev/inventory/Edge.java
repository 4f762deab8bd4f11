package dev.inventory;

import java.util.Objects;

/**
 * A directed, typed edge between two nodes, by node id: {@code from -type-> to}.
 *
 * @param from the id of the start node
 * @param to the id of the end node
 * @param type {@link EdgeType#DEFAULT} for structure, {@link EdgeType#DELETE} for deletion order
 */
public record Edge(String from, String to, EdgeType type) {
  /**
   * Checks that the values are present.
   *
   * @param from the start node's id
   * @param to the end node's id
   * @param type the edge type
   */
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    return from + " -" + type.label() + "-> " + to;
  }
}
