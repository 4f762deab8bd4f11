package dev.inventory;

import java.util.Optional;

/**
 * The type of an edge in the resource graph.
 *
 * <p>{@link #DEFAULT} edges describe structure ({@code cloud -> account -> region -> user -> key}).
 * {@link #DELETE} edges describe deletion order: {@code A -delete-> B} means A can be cleaned only
 * after B is gone (a user only after its access keys). {@link #IAM} edges, found in Fix Inventory
 * exports, say that a principal has permissions on a resource; nothing here acts on them, but they
 * load, can be walked in queries and are written back.
 */
public enum EdgeType {
  /** Structure: {@code cloud -> account -> region -> user -> access_key}. */
  DEFAULT("default"),
  /** Deletion order: {@code A -delete-> B} means A can be cleaned only after B is gone. */
  DELETE("delete"),
  /** Permissions: {@code principal -iam-> resource} (Fix Inventory's access edges). */
  IAM("iam");

  private final String label;

  EdgeType(String label) {
    this.label = label;
  }

  /**
   * The name used in fixtures and queries: {@code default}, {@code delete} or {@code iam}.
   *
   * @return the name used in fixtures and queries: {@code default}, {@code delete} or {@code iam}
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
