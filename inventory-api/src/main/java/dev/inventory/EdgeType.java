package dev.inventory;

import java.util.Optional;

/**
 * The type of an edge in the resource graph.
 *
 * <p>{@link #DEFAULT} edges describe structure ({@code cloud -> account -> region -> user -> key}).
 * {@link #DELETE} edges describe deletion order: {@code A -delete-> B} means A can be cleaned only
 * after B is gone (a user only after its access keys). {@link #IAM} edges describe permissions (who
 * may act on what), as in Fix Inventory's IAM graph; no collector of this library creates them yet,
 * but fixtures and queries may name them.
 */
public enum EdgeType {
  DEFAULT("default"),
  DELETE("delete"),
  IAM("iam");

  private final String label;

  EdgeType(String label) {
    this.label = label;
  }

  /** The name used in fixtures and queries: {@code default} or {@code delete}. */
  public String label() {
    return label;
  }

  /** The edge type with this label, if any. */
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
