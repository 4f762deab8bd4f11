package dev.inventory.query.ast;

import java.util.Objects;

/**
 * One column of a {@code list}: a name and the path it reads.
 *
 * <pre>{@code
 * new Column("owner", QueryParser.parsePath("/ancestors.user.reported.name"));   // list ... as owner
 * }</pre>
 */
public record Column(String name, Path path) {
  /** Checks the name is not empty. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a column has a name");
    }
  }

  /**
   * A column named after its path's canonical text ({@code account}, {@code /desired.clean}).
   *
   * @param path the path the column reads
   * @return the column
   */
  public static Column of(Path path) {
    return new Column(path.toString(), path);
  }

  /** The column as {@code list} takes it: {@code path}, or {@code path as name} for another name. */
  @Override
  public String toString() {
    return name.equals(path.toString()) ? path.toString() : path + " as " + name;
  }
}
