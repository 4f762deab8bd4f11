package dev.inventory.query.command;

import dev.inventory.query.ast.Path;
import java.util.Objects;

/**
 * One column of a {@code list}: a name and the path it reads.
 *
 * <pre>{@code
 * new Column("owner", QueryParser.parsePath("/ancestors.user.reported.name"));   // list ... as owner
 * }</pre>
 */
public record Column(String name, Path path) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a column has a name");
    }
  }

  /** A column named after its path's canonical text ({@code account}, {@code /desired.clean}). */
  public static Column of(Path path) {
    return new Column(path.toString(), path);
  }
}
