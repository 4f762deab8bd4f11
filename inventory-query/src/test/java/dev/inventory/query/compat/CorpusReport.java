package dev.inventory.query.compat;

import dev.inventory.query.compat.CorpusRun.Status;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The per-feature table of a corpus run, in Markdown. */
final class CorpusReport {
  private CorpusReport() {}

  static String markdown(List<CorpusRun> runs) {
    List<CorpusRun> accepted = runs.stream().filter(r -> r.entry().fixAccepts()).toList();
    List<CorpusRun> rejected = runs.stream().filter(r -> !r.entry().fixAccepts()).toList();
    Map<String, List<CorpusRun>> byFeature = new TreeMap<>();
    accepted.forEach(r -> r.entry().features().forEach(f -> byFeature.computeIfAbsent(f, k -> new ArrayList<>()).add(r)));
    StringBuilder out = new StringBuilder();
    out.append("# Fix Inventory corpus: ").append(runs.size()).append(" lines, ")
        .append(accepted.size()).append(" accepted by Fix, ").append(rejected.size()).append(" rejected by Fix\n\n");
    out.append("| feature | Fix accepts | parse here | refused on purpose | failing | codes of the failures |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
    byFeature.forEach((f, rs) -> out.append(row(f, rs)));
    out.append(row("**all lines**", accepted));
    out.append("\n| origin | Fix accepts | parse here | refused on purpose | failing | codes of the failures |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | --- |\n");
    accepted.stream()
        .collect(Collectors.groupingBy(CorpusReport::origin, TreeMap::new, Collectors.toList()))
        .forEach((o, rs) -> out.append(row(o, rs)));
    long refusedHere = rejected.stream().filter(r -> r.status() != Status.PARSES).count();
    out.append("\nLines Fix rejects that are refused here too: ").append(refusedHere).append(" of ")
        .append(rejected.size()).append("\n");
    return out.toString();
  }

  /** Fix's tests or docs, and whether the line is a query or a command line. */
  static String origin(CorpusRun r) {
    String where = r.entry().source().startsWith("docs:") ? "docs" : "tests";
    return where + ", " + r.entry().form().name().toLowerCase(Locale.ROOT) + " lines";
  }

  private static String row(String feature, Collection<CorpusRun> rs) {
    long parses = count(rs, Status.PARSES);
    long refused = count(rs, Status.REFUSED_ON_PURPOSE);
    long fails = count(rs, Status.FAILS);
    String codes = rs.stream().filter(r -> r.status() == Status.FAILS)
        .collect(Collectors.groupingBy(CorpusRun::code, TreeMap::new, Collectors.counting()))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return "| " + feature + " | " + rs.size() + " | " + parses + " (" + percent(parses, rs.size()) + ") | "
        + refused + " | " + fails + " | " + codes + " |\n";
  }

  private static long count(Collection<CorpusRun> rs, Status s) {
    return rs.stream().filter(r -> r.status() == s).count();
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : Math.round(100.0 * part / whole) + "%";
  }
}
