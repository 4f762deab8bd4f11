package dev.inventory.query.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One segment of a {@link Path}: a property name and an optional array {@link Index}. A name that
 * is not a plain identifier prints in backticks ({@code tags.`owner:team`}).
 *
 * <pre>{@code
 * Segment.of("name");                          // prints name
 * new Segment("owner:team", Optional.empty()); // prints `owner:team`
 * }</pre>
 *
 * @param name the property name: not empty, without backticks or line breaks
 */
public record Segment(String name, Optional<Index> index) {
  public Segment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(index, "index");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a path segment has a name");
    }
    // A backtick or a line break cannot be written inside a backticked segment.
    if (name.indexOf('`') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a path segment cannot contain a backtick or a line break: " + name);
    }
  }

  /** A segment without an index. */
  public static Segment of(String name) {
    return new Segment(name, Optional.empty());
  }

  @Override
  public String toString() {
    return Printer.segment(this);
  }
}
