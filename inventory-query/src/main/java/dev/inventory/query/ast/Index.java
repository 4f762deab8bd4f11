package dev.inventory.query.ast;

/**
 * Array access on a path segment: a position ({@code a[3]}) or any element ({@code a[*]}, also
 * written {@code a[]}).
 *
 * <pre>{@code
 * new Segment("a", Optional.of(Index.at(3)));   // prints a[3]
 * new Segment("a", Optional.of(Index.any()));   // prints a[*]
 * }</pre>
 */
public sealed interface Index permits Index.At, Index.Any {

  /** The element at {@code position} (0-based). */
  static At at(int position) {
    return new At(position);
  }

  /** Any element. */
  static Any any() {
    return new Any();
  }

  /** The element at a 0-based position. */
  record At(int position) implements Index {
    public At {
      if (position < 0) {
        throw new IllegalArgumentException("an array position is not negative: " + position);
      }
    }

    @Override
    public String toString() {
      return "[" + position + "]";
    }
  }

  /** Any element: {@code [*]}. */
  record Any() implements Index {
    @Override
    public String toString() {
      return "[*]";
    }
  }
}
