package dev.inventory.query.ast;

import java.util.Locale;
import java.util.Optional;

/**
 * The part of a node document a {@link Path} reads. A path without a leading {@code /} reads
 * {@link #REPORTED}.
 *
 * <pre>{@code
 * /reported.name                     REPORTED
 * /desired.clean                     DESIRED
 * /metadata.protected                METADATA
 * /ancestors.user.reported.name      ANCESTORS, kind user
 * /descendants.access_key.reported.id DESCENDANTS, kind access_key
 * }</pre>
 */
public enum Section {
  /** What the collector reported (the default). */
  REPORTED,
  /** What should happen to the node ({@code clean}). */
  DESIRED,
  /** What we know about the node ({@code protected}, {@code cleaned}). */
  METADATA,
  /** The first node of a kind found walking {@code default} edges inward. */
  ANCESTORS,
  /** The first node of a kind found walking {@code default} edges outward. */
  DESCENDANTS;

  /** The name after the {@code /}: {@code reported}, {@code desired}, ... */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a path in this section names a kind ({@code /ancestors.<kind>...}). */
  public boolean takesKind() {
    return this == ANCESTORS || this == DESCENDANTS;
  }

  /** The section with this keyword. */
  public static Optional<Section> fromKeyword(String keyword) {
    for (Section s : values()) {
      if (s.keyword().equals(keyword)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return keyword();
  }
}
