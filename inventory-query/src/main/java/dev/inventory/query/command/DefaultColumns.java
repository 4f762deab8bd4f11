package dev.inventory.query.command;

import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Sort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a {@code list} without arguments: {@code kind, id, name}, then the properties the
 * query's predicates and last sort read, then {@code age, last_access}, then {@code account, region}.
 */
final class DefaultColumns {
  private static final List<Path> FIRST = List.of(Path.reported("kind"), Path.reported("id"), Path.reported("name"));
  private static final List<Path> TIMES = List.of(Path.reported("age"), Path.reported("last_access"));
  private static final List<Path> PLACE = List.of(
      Path.ancestor("account", "reported", "name"), Path.ancestor("region", "reported", "name"));

  private DefaultColumns() {}

  static List<Column> of(Query query) {
    Set<Path> paths = new LinkedHashSet<>(FIRST);
    paths.addAll(query.predicatePaths());
    for (Sort s : query.parts().get(query.parts().size() - 1).sort()) {
      paths.add(s.path());
    }
    paths.addAll(TIMES);
    paths.addAll(PLACE);
    List<Column> columns = new ArrayList<>();
    for (Path p : paths) {
      columns.add(Column.of(p));
    }
    return columns;
  }
}
