package dev.inventory;

import java.util.Optional;

/**
 * The type of an edge in the resource graph.
 *
 * <p>{@link #DEFAULT} edges describe structure ({@code cloud -> account -> region -> user -> key}).
 * {@link #DELETE} edges describe deletion order: {@code A -delete-> B} means A can be cleaned only
 * after B is gone (a user only after its access keys).
 */
public enum EdgeType {
  /** Structure: a parent contains or owns its child. */
  DEFAULT("default"),
  /** Order of deletion: the start node is deleted only after the end node is gone. */
  DELETE("delete");

  private final String label;

  EdgeType(String label) {
    this.label = label;
  }

  /**
   * The name used in fixtures and queries: {@code default} or {@code delete}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The edge type with this label, if any.
   *
   * @param label {@code default} or {@code delete}
   * @return the edge type, or empty for other text
   */
  public static Optional<EdgeType> fromLabel(String label) {
    for (EdgeType t : values()) {
      if (t.label.equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label;
  }
}
