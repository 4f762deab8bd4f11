package dev.inventory.benchmarks;

import dev.inventory.query.CompiledQuery;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.Path;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.query.parse.QueryParser;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The query engine against DuckDB (in process) over the same generated organisation.
 *
 * <p>Rows: (a) the guide's {@code count name} query, compiled once and run with its count; (a*) the
 * same as one command line, parsed and checked every time ({@code Commands.execute}), against
 * DuckDB planning the SQL text every time; (b) a plain filter with {@code count}; (c) a navigation
 * from accounts two steps down to users, then to their keys. DuckDB runs each as a prepared
 * statement in both layouts of {@link DuckDbOrganisation}; the faster one is the comparison and the
 * note names it. Every answer is checked against DuckDB's and against the generator's own count.
 */
final class QuerySection implements Section {
  static final String GUIDE = "is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci]";
  static final String FILTER = "is(access_key) and last_access > 90days";
  private static final Path NAME = QueryParser.parsePath("name");

  @Override
  public String name() {
    return "query";
  }

  @Override
  public String description() {
    return "query engine against DuckDB on the same organisation";
  }

  static String navigation(List<String> accountNames) {
    return "is(account) and name in [" + String.join(", ", accountNames) + "] -[2]-> is(user) --> is(access_key)";
  }

  @Override
  public List<Row> run(Options options) throws Exception {
    int[] sizes = options.quick() ? new int[] {10_000, 50_000} : new int[] {100_000, 1_000_000};
    List<Row> rows = new ArrayList<>();
    for (int size : sizes) {
      rows.addAll(runAt(size, Measure.Budget.of(options)));
    }
    return rows;
  }

  private List<Row> runAt(int size, Measure.Budget budget) throws Exception {
    long t0 = System.nanoTime();
    Organisation org = Organisation.generate(size);
    long genMs = (System.nanoTime() - t0) / 1_000_000;
    String sizeCell = Row.count(size) + " resources";
    Clock clock = Clock.fixed(Organisation.NOW, ZoneOffset.UTC);
    Instant cutoff = Organisation.NOW.minus(Organisation.STALE);
    QueryEngine engine = QueryEngine.of(org.inventory);
    List<Row> rows = new ArrayList<>();
    try (DuckDbOrganisation duck = DuckDbOrganisation.load(org.inventory)) {
      System.err.printf("query: %s generated in %d ms, loaded into DuckDB in %d ms%n", org, genMs, duck.loadMillis);
      Map<String, Long> expectedGroups = sortedLikeCount(toLong(org.staleOwnersByName));

      // (a) the guide's query, compiled once, run with its count
      CompiledQuery guide = engine.compile(QueryParser.parse(GUIDE));
      Measure.Result ours = Measure.time(budget, () -> countByName(guide.run(clock)));
      Map<String, Long> oursGroups = countByName(guide.run(clock));
      Best duckA = best(budget, duck, layout -> {
        PreparedStatement p = duck.prepare(duck.staleOwnersSql(layout, Organisation.EXCLUDED), cutoff);
        return () -> DuckDbOrganisation.groups(p);
      });
      @SuppressWarnings("unchecked")
      Map<String, Long> duckGroups = (Map<String, Long>) duckA.answer;
      rows.add(groupRow("a. guide: " + GUIDE + " | count name", sizeCell, ours, duckA, oursGroups, duckGroups,
          expectedGroups, "compiled once; run + count by name"));

      // (a*) the same, one command line parsed, checked and run every time
      Commands commands = Commands.builder().inventory(org.inventory).clock(clock).build();
      String line = "search " + GUIDE + " | count name";
      Measure.Result oursLine = Measure.time(budget, () -> commands.execute(line));
      Map<String, Long> lineGroups = groupsOf((CommandResult.Counted) commands.execute(line));
      Best duckText = best(budget, duck, layout -> {
        String sql = duck.staleOwnersSql(layout, Organisation.EXCLUDED);
        return () -> duck.groupsFromText(sql, cutoff);
      });
      @SuppressWarnings("unchecked")
      Map<String, Long> duckTextGroups = (Map<String, Long>) duckText.answer;
      rows.add(groupRow("a*. same, whole command line each time", sizeCell, oursLine, duckText, lineGroups,
          duckTextGroups, expectedGroups, "ours: Commands.execute (parse, check, compile, run, count); DuckDB: SQL text"));

      // (b) plain filter and count
      CompiledQuery filter = engine.compile(QueryParser.parse(FILTER));
      Measure.Result oursB = Measure.time(budget, () -> filter.run(clock).size());
      long oursCountB = filter.run(clock).size();
      Best duckB = best(budget, duck, layout -> {
        PreparedStatement p = duck.prepare(duck.staleKeysSql(layout), cutoff);
        return () -> DuckDbOrganisation.count(p);
      });
      rows.add(countRow("b. filter: " + FILTER + " | count", sizeCell, oursB, duckB, oursCountB,
          (Long) duckB.answer, org.staleKeys, "compiled once; run + count"));

      // (c) navigation: accounts -[2]-> users --> keys
      String navText = navigation(org.selectedAccountNames);
      CompiledQuery nav = engine.compile(QueryParser.parse(navText));
      Measure.Result oursC = Measure.time(budget, () -> nav.run(clock).size());
      long oursCountC = nav.run(clock).size();
      Best duckC = best(budget, duck, layout -> {
        PreparedStatement p = duck.prepare(duck.keysOfAccountsSql(layout, org.selectedAccountNames), cutoff);
        return () -> DuckDbOrganisation.count(p);
      });
      rows.add(countRow("c. navigation: is(account) and name in [" + org.selectedAccountNames.size()
              + " account names] -[2]-> is(user) --> is(access_key) | count", sizeCell, oursC, duckC, oursCountC,
          (Long) duckC.answer, org.keysInSelectedAccounts, "compiled once; run + count"));
    }
    return rows;
  }

  /** A DuckDB timing in the faster of the two layouts, with the other's median for the note. */
  private record Best(DuckDbOrganisation.Layout layout, Measure.Result result, double otherMedian, Object answer) {
    String note() {
      DuckDbOrganisation.Layout other = layout == DuckDbOrganisation.Layout.GRAPH
          ? DuckDbOrganisation.Layout.PER_KIND : DuckDbOrganisation.Layout.GRAPH;
      return "DuckDB: " + layout.label + " (" + other.label + ": " + Row.millis(otherMedian) + ")";
    }
  }

  @FunctionalInterface
  private interface Prepared {
    Callable<?> in(DuckDbOrganisation.Layout layout) throws Exception;
  }

  private static Best best(Measure.Budget budget, DuckDbOrganisation duck, Prepared prepared) throws Exception {
    Best best = null;
    Object firstAnswer = null;
    Map<DuckDbOrganisation.Layout, Measure.Result> results = new LinkedHashMap<>();
    for (DuckDbOrganisation.Layout layout : DuckDbOrganisation.Layout.values()) {
      Callable<?> op = prepared.in(layout);
      Object answer = op.call();
      if (firstAnswer != null && !firstAnswer.equals(answer)) {
        throw new IllegalStateException("the two DuckDB layouts disagree: " + firstAnswer + " and " + answer);
      }
      firstAnswer = answer;
      results.put(layout, Measure.time(budget, op));
    }
    for (var e : results.entrySet()) {
      if (best == null || e.getValue().median() < best.result.median()) {
        double other = results.entrySet().stream().filter(x -> x.getKey() != e.getKey())
            .mapToDouble(x -> x.getValue().median()).findFirst().orElse(Double.NaN);
        best = new Best(e.getKey(), e.getValue(), other, firstAnswer);
      }
    }
    return best;
  }

  private static Row groupRow(String name, String size, Measure.Result ours, Best duck, Map<String, Long> oursGroups,
      Map<String, Long> duckGroups, Map<String, Long> expected, String how) {
    long users = oursGroups.values().stream().mapToLong(Long::longValue).sum();
    boolean ok = oursGroups.equals(duckGroups) && oursGroups.equals(expected)
        && new ArrayList<>(oursGroups.keySet()).equals(new ArrayList<>(duckGroups.keySet()));
    String check = ok
        ? "groups equal (" + Row.count(oursGroups.size()) + " names, " + Row.count(users) + " users)"
        : "MISMATCH: ours " + summary(oursGroups) + ", DuckDB " + summary(duckGroups) + ", generator " + summary(expected);
    return Row.timed("query", name, size, ours.median(), duck.result.median(), check, ok,
        how + "; " + ours.describe() + "; " + duck.note());
  }

  private static Row countRow(String name, String size, Measure.Result ours, Best duck, long oursCount, long duckCount,
      long expected, String how) {
    boolean ok = oursCount == duckCount && oursCount == expected;
    String check = ok
        ? "counts equal (" + Row.count(oursCount) + ")"
        : "MISMATCH: ours " + oursCount + ", DuckDB " + duckCount + ", generator " + expected;
    return Row.timed("query", name, size, ours.median(), duck.result.median(), check, ok,
        how + "; " + ours.describe() + "; " + duck.note());
  }

  private static String summary(Map<String, Long> groups) {
    return groups.size() + " groups, total " + groups.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * What {@code | count name} computes, through the public result API ({@link
   * SearchResult#valueCounts}, as {@code count} uses it): per name the number of result nodes, ordered
   * by count, then by name.
   */
  static Map<String, Long> countByName(SearchResult result) {
    Map<String, Long> counts = new HashMap<>();
    result.valueCounts(NAME).forEach((values, n) -> counts.merge(String.valueOf(values.get(0)), (long) n, Long::sum));
    return sortedLikeCount(counts);
  }

  static Map<String, Long> groupsOf(CommandResult.Counted counted) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (CommandResult.Counted.Group g : counted.groups()) {
      out.put(g.value(), (long) g.count());
    }
    return out;
  }

  static Map<String, Long> sortedLikeCount(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, Long> toLong(Map<String, Integer> m) {
    Map<String, Long> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, (long) v));
    return out;
  }
}
