package dev.inventory.query.ast;

/**
 * {@code limit count} or {@code limit offset, count}.
 *
 * <pre>{@code
 * Limit.of(10);      // limit 10
 * new Limit(5, 10);  // limit 5, 10
 * }</pre>
 *
 * @param offset how many nodes to skip, at least 0
 * @param count how many nodes to keep, at least 0
 */
public record Limit(int offset, int count) {
  public Limit {
    if (offset < 0 || count < 0) {
      throw new IllegalArgumentException("limit takes numbers >= 0: " + offset + ", " + count);
    }
  }

  /** The first {@code count} nodes. */
  public static Limit of(int count) {
    return new Limit(0, count);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
