package dev.inventory.query.command;

import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.Term;
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
    for (Part p : query.parts()) {
      p.term().ifPresent(t -> collect(t, paths));
    }
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

  /** Paths of predicates at the node's own level: not inside context terms or with clauses. */
  private static void collect(Term t, Set<Path> out) {
    if (t instanceof Predicate p) {
      out.add(p.path());
    } else if (t instanceof And a) {
      a.terms().forEach(x -> collect(x, out));
    } else if (t instanceof Or o) {
      o.terms().forEach(x -> collect(x, out));
    } else if (t instanceof Not n) {
      collect(n.term(), out);
    }
  }
}
