package dev.inventory.query.ast;

import java.util.Objects;

/**
 * One key of a {@code sort} clause: {@code sort name, ctime desc}.
 *
 * <pre>{@code
 * Sort.asc(Path.reported("name"));    // name
 * Sort.desc(Path.reported("ctime"));  // ctime desc
 * }</pre>
 */
public record Sort(Path path, Order order) {

  /** Sort direction; ascending is the default and is not printed. */
  public enum Order {
    ASC,
    DESC
  }

  public Sort {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(order, "order");
  }

  /** Ascending by {@code path}. */
  public static Sort asc(Path path) {
    return new Sort(path, Order.ASC);
  }

  /** Descending by {@code path}. */
  public static Sort desc(Path path) {
    return new Sort(path, Order.DESC);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
