package dev.inventory.benchmarks;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.Resource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The same snapshot in an in-process DuckDB ({@code jdbc:duckdb:}), loaded with the Appender API in
 * two layouts, so that the benchmark can take whichever answers faster:
 *
 * <ul>
 *   <li>{@code graph}: {@code nodes(idx, kind, name, atime)} and {@code edges(src, dst)} (default
 *       edges), the graph as it is;
 *   <li>{@code per kind}: one table per base kind ({@code accounts}, {@code regions}, {@code users},
 *       {@code access_keys}, {@code others}), each row with its parent's index ({@code parent}) from
 *       its one incoming default edge, which is how one would model this tree in SQL.
 * </ul>
 *
 * <p>Kinds in SQL are the same subkind sets the engine uses ({@code is(user)} is {@code kind IN
 * (aws_iam_user, aws_root_user, ...)}); times are {@code TIMESTAMP}s; the stale cutoff is a query
 * parameter, computed from the same fixed {@code now}.
 */
final class DuckDbOrganisation implements AutoCloseable {
  enum Layout {
    GRAPH("nodes+edges tables"),
    PER_KIND("one table per kind");

    final String label;

    Layout(String label) {
      this.label = label;
    }
  }

  private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final Connection connection;
  private final KindRegistry kinds;
  final long loadMillis;

  private DuckDbOrganisation(Connection connection, KindRegistry kinds, long loadMillis) {
    this.connection = connection;
    this.kinds = kinds;
    this.loadMillis = loadMillis;
  }

  /** Loads {@code inventory} into a new in-memory database, both layouts. */
  static DuckDbOrganisation load(Inventory inventory) throws SQLException {
    long start = System.nanoTime();
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE nodes (idx INTEGER, kind VARCHAR, name VARCHAR, atime TIMESTAMP)");
      s.execute("CREATE TABLE edges (src INTEGER, dst INTEGER)");
      s.execute("CREATE TABLE accounts (idx INTEGER, name VARCHAR, parent INTEGER)");
      s.execute("CREATE TABLE regions (idx INTEGER, name VARCHAR, parent INTEGER)");
      s.execute("CREATE TABLE users (idx INTEGER, kind VARCHAR, name VARCHAR, parent INTEGER)");
      s.execute("CREATE TABLE access_keys (idx INTEGER, kind VARCHAR, name VARCHAR, atime TIMESTAMP, parent INTEGER)");
      s.execute("CREATE TABLE others (idx INTEGER, kind VARCHAR, name VARCHAR, atime TIMESTAMP, parent INTEGER)");
    }
    KindRegistry kinds = inventory.kinds();
    DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
    try (DuckDBAppender nodes = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "nodes");
        DuckDBAppender edges = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "edges");
        DuckDBAppender accounts = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "accounts");
        DuckDBAppender regions = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "regions");
        DuckDBAppender users = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "users");
        DuckDBAppender keys = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "access_keys");
        DuckDBAppender others = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "others")) {
      for (int i = 0; i < inventory.size(); i++) {
        Resource r = inventory.node(i);
        String name = r.name().orElse(null);
        Long atime = r.atime().map(DuckDbOrganisation::micros).orElse(null);
        nodes.beginRow().append(i).append(r.kind()).append(name);
        time(nodes, atime).endRow();
        int[] parents = inventory.predecessorIndices(i, EdgeType.DEFAULT);
        for (int p : parents) {
          edges.beginRow().append(p).append(i).endRow();
        }
        int parent = parents.length == 0 ? -1 : parents[0]; // the tree: one incoming default edge
        if (kinds.isSubkind(r.kind(), "account")) {
          accounts.beginRow().append(i).append(name).append(parent).endRow();
        } else if (kinds.isSubkind(r.kind(), "region")) {
          regions.beginRow().append(i).append(name).append(parent).endRow();
        } else if (kinds.isSubkind(r.kind(), "user")) {
          users.beginRow().append(i).append(r.kind()).append(name).append(parent).endRow();
        } else if (kinds.isSubkind(r.kind(), "access_key")) {
          keys.beginRow().append(i).append(r.kind()).append(name);
          time(keys, atime).append(parent).endRow();
        } else {
          others.beginRow().append(i).append(r.kind()).append(name);
          time(others, atime).append(parent).endRow();
        }
      }
    }
    return new DuckDbOrganisation(c, kinds, (System.nanoTime() - start) / 1_000_000);
  }

  private static DuckDBAppender time(DuckDBAppender a, Long micros) throws SQLException {
    return micros == null ? a.appendNull() : a.appendEpochMicros(micros);
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  /** {@code 'a', 'b'}: the kind and its subkinds, as the engine's {@code is(kind)} sees them. */
  private String kindList(String kind) {
    Set<String> sub = kinds.subkinds(kind);
    return sub.stream().sorted().map(DuckDbOrganisation::quote).collect(Collectors.joining(", "));
  }

  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private static String quoted(List<String> values) {
    return values.stream().map(DuckDbOrganisation::quote).collect(Collectors.joining(", "));
  }

  /**
   * (a) Users, by name, that own a key last used before {@code cutoff} and are not named one of
   * {@code excluded}; sorted like {@code count}: by count, then by name.
   */
  String staleOwnersSql(Layout layout, List<String> excluded) {
    return switch (layout) {
      case GRAPH -> "SELECT u.name, count(*) AS n FROM nodes u"
          + " WHERE u.kind IN (" + kindList("user") + ") AND u.name NOT IN (" + quoted(excluded) + ")"
          + " AND u.idx IN (SELECT e.src FROM edges e JOIN nodes k ON k.idx = e.dst"
          + " WHERE k.kind IN (" + kindList("access_key") + ") AND k.atime < ?)"
          + " GROUP BY u.name ORDER BY n, u.name";
      case PER_KIND -> "SELECT u.name, count(*) AS n FROM users u"
          + " WHERE u.name NOT IN (" + quoted(excluded) + ")"
          + " AND u.idx IN (SELECT k.parent FROM access_keys k WHERE k.atime < ?)"
          + " GROUP BY u.name ORDER BY n, u.name";
    };
  }

  /** (b) Keys last used before {@code cutoff}. */
  String staleKeysSql(Layout layout) {
    return switch (layout) {
      case GRAPH -> "SELECT count(*) FROM nodes WHERE kind IN (" + kindList("access_key") + ") AND atime < ?";
      case PER_KIND -> "SELECT count(*) FROM access_keys WHERE atime < ?";
    };
  }

  /** (c) Keys of the users two steps below the named accounts. */
  String keysOfAccountsSql(Layout layout, List<String> accountNames) {
    return switch (layout) {
      case GRAPH -> "SELECT count(DISTINCT k.idx) FROM nodes a"
          + " JOIN edges e1 ON e1.src = a.idx JOIN edges e2 ON e2.src = e1.dst"
          + " JOIN nodes u ON u.idx = e2.dst JOIN edges e3 ON e3.src = u.idx JOIN nodes k ON k.idx = e3.dst"
          + " WHERE a.kind IN (" + kindList("account") + ") AND a.name IN (" + quoted(accountNames) + ")"
          + " AND u.kind IN (" + kindList("user") + ") AND k.kind IN (" + kindList("access_key") + ")";
      case PER_KIND -> "SELECT count(*) FROM access_keys k JOIN users u ON k.parent = u.idx"
          + " JOIN regions r ON u.parent = r.idx JOIN accounts a ON r.parent = a.idx"
          + " WHERE a.name IN (" + quoted(accountNames) + ")";
    };
  }

  /** A prepared statement, with the cutoff bound when the SQL has a parameter. */
  PreparedStatement prepare(String sql, Instant cutoff) throws SQLException {
    PreparedStatement p = connection.prepareStatement(sql);
    if (sql.contains("?")) {
      p.setObject(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
    }
    return p;
  }

  /** Runs a grouped count: name to count, in result order. */
  static Map<String, Long> groups(PreparedStatement p) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** Runs a single count. */
  static long count(PreparedStatement p) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs SQL text from scratch (parse, plan, execute), the cutoff written in as a literal. */
  Map<String, Long> groupsFromText(String sql, Instant cutoff) throws SQLException {
    String text = sql.replace("?", "TIMESTAMP '" + SQL_TIME.format(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC)) + "'");
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(text)) {
      Map<String, Long> out = new LinkedHashMap<>();
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    }
  }

  static List<String> names(Map<String, ?> m) {
    return new ArrayList<>(m.keySet());
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
