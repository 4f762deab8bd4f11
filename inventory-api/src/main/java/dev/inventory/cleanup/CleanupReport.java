package dev.inventory.cleanup;

import dev.inventory.cleanup.internal.ReportJson;
import dev.inventory.cleanup.internal.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cleanup run did: one {@link NodeResult} per planned node (in the order the nodes ran, pass
 * by pass), totals per {@link Outcome}, the wall time, and notes about the run as a whole (a
 * cleaner that acts on the state only, marks for nodes missing from the snapshot). Immutable.
 *
 * <pre>{@code
 * CleanupReport report = executor.run(plan);
 * report.count(Outcome.CLEANED);   // 26
 * System.out.println(report.render());
 * Files.writeString(Path.of("cleanup.json"), report.toJson());
 * }</pre>
 *
 * @param runId identifies the run in the audit trail
 * @param started when the run started
 * @param wallTime how long the whole run took
 * @param dryRun whether the run was a dry run (nothing was changed)
 * @param nodes one result per planned node, pass by pass
 * @param notes remarks about the run as a whole
 */
public record CleanupReport(
    String runId, Instant started, Duration wallTime, boolean dryRun, List<NodeResult> nodes, List<String> notes) {

  /**
   * Copies the lists.
   *
   * @param runId the run's id
   * @param started when the run started
   * @param wallTime how long the run took
   * @param dryRun whether the run was a dry run
   * @param nodes the result of every planned node, in run order
   * @param notes remarks for people, for example that a cleaner acted on the state only
   */
  public CleanupReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(wallTime, "wallTime");
    nodes = List.copyOf(nodes);
    notes = List.copyOf(notes);
  }

  /**
   * The number of nodes per outcome, every outcome present (0 when none), in enum order.
   *
   * @return the count per outcome
   */
  public Map<Outcome, Integer> totals() {
    Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      totals.put(o, 0);
    }
    nodes.forEach(n -> totals.merge(n.outcome(), 1, Integer::sum));
    return Collections.unmodifiableMap(totals);
  }

  /**
   * The number of nodes with this outcome.
   *
   * @param outcome the outcome to count
   * @return the number of nodes with it
   */
  public int count(Outcome outcome) {
    return (int) nodes.stream().filter(n -> n.outcome() == outcome).count();
  }

  /**
   * The result of a node, if it was planned.
   *
   * @param id the node id
   * @return the node's result, or empty when it was not planned
   */
  public Optional<NodeResult> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /**
   * The results with this outcome, in run order.
   *
   * @param outcome the outcome to select
   * @return the results with it
   */
  public List<NodeResult> withOutcome(Outcome outcome) {
    return nodes.stream().filter(n -> n.outcome() == outcome).toList();
  }

  /**
   * The report as text for people: a header with the mode, start and wall time, the totals, a table
   * of the nodes (outcome, id, kind, name, account, pass, time, reason with any error), and the
   * notes.
   *
   * @return the report as text
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("Cleanup report (").append(dryRun ? "dry run: nothing was changed" : "real run").append(")\n");
    b.append("started ").append(ReportJson.time(started)).append(", wall time ").append(ms(wallTime)).append('\n');
    b.append(Text.count(nodes.size(), "node", "nodes")).append(':');
    String sep = " ";
    for (Map.Entry<Outcome, Integer> e : totals().entrySet()) {
      b.append(sep).append(e.getKey().label()).append(' ').append(e.getValue());
      sep = ", ";
    }
    b.append('\n');
    if (!nodes.isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("outcome", "id", "kind", "name", "account", "pass", "time", "reason"));
      for (NodeResult n : nodes) {
        rows.add(List.of(n.outcome().label(), n.id(), n.kind(), n.name().orElse("-"), n.account().orElse("-"),
            String.valueOf(n.pass()), ms(n.duration()), detail(n)));
      }
      b.append('\n');
      Text.columns(rows).forEach(line -> b.append(line).append('\n'));
    }
    if (!notes.isEmpty()) {
      b.append("\nnotes:\n");
      notes.forEach(note -> b.append("  ").append(note).append('\n'));
    }
    return b.toString();
  }

  private static String detail(NodeResult n) {
    return n.error().map(e -> n.reason() + "; error: " + e + (n.retryable() ? " (retryable)" : " (not retryable)"))
        .orElse(n.reason());
  }

  private static String ms(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", ReportJson.millis(d));
  }

  /**
   * The report as pretty-printed JSON: {@code run_id}, {@code started}, {@code wall_time_ms}, {@code
   * dry_run}, {@code totals} (outcome to count), {@code nodes} (objects with {@code id}, {@code
   * kind}, {@code name}, {@code account}, {@code pass}, {@code outcome}, {@code reason}, {@code
   * error}, {@code retryable}, {@code duration_ms}) and {@code notes}.
   *
   * @return the report as JSON text
   */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("started", ReportJson.time(started));
    m.put("wall_time_ms", ReportJson.millis(wallTime));
    m.put("dry_run", dryRun);
    Map<String, Object> totals = new LinkedHashMap<>();
    totals().forEach((o, n) -> totals.put(o.label(), n));
    m.put("totals", totals);
    m.put("nodes", nodes.stream().map(ReportJson::node).toList());
    m.put("notes", notes);
    return ReportJson.writePretty(m);
  }

  /** The same as {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }
}
