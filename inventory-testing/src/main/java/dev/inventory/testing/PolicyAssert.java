package dev.inventory.testing;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.CompiledQuery;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.SearchResult;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Term;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a cleanup policy (a query) selects in an inventory at an instant, reading like
 * the policy itself:
 *
 * <pre>{@code
 * assertThatPolicy(POLICY).on(inventory).at(clock)
 *     .selects("AKIANANCYSTALE000001")
 *     .doesNotSelect("AKIANANCYFRESH000001", "AKIALEGACYUNKNOWN001");
 * }</pre>
 *
 * <p>A failure names the query, the node, the values of the properties the query reads on that
 * node (times also as "N days before" the instant) and, for a node not selected, the terms of the
 * query it failed.
 */
public final class PolicyAssert extends AbstractAssert<PolicyAssert, Query> {
  private QueryEngine engine;
  private Clock clock;

  PolicyAssert(Query query) {
    super(query, PolicyAssert.class);
  }

  /**
   * The inventory the policy runs on.
   *
   * @param inventory the inventory, a fixture or a collect's result
   * @return this assertion
   */
  public PolicyAssert on(Inventory inventory) {
    this.engine = QueryEngine.of(Objects.requireNonNull(inventory, "inventory"));
    return this;
  }

  /**
   * The engine the policy runs on (for an inventory with a state store).
   *
   * @param engine the engine
   * @return this assertion
   */
  public PolicyAssert on(QueryEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
    return this;
  }

  /**
   * The clock the policy runs at: durations such as {@code last_access > 90days} count to its instant.
   *
   * @param clock the clock, usually fixed
   * @return this assertion
   */
  public PolicyAssert at(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * The instant the policy runs at.
   *
   * @param instant the instant
   * @return this assertion
   */
  public PolicyAssert at(Instant instant) {
    return at(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC));
  }

  /**
   * Verifies that the policy selects every one of these nodes.
   *
   * @param ids node ids, in the inventory
   * @return this assertion
   * @throws AssertionError naming each node not selected, its values and the terms it failed
   */
  public PolicyAssert selects(String... ids) {
    SearchResult result = run();
    Set<String> selected = ids(result);
    List<String> problems = new ArrayList<>();
    for (String id : ids) {
      Resource node = node(id);
      if (!selected.contains(id)) {
        problems.add("expected the policy `" + actual + "` to select " + id + " but it did not: "
            + explain(result, node, true));
      }
    }
    fail(problems);
    return this;
  }

  /**
   * Verifies that the policy selects none of these nodes.
   *
   * @param ids node ids, in the inventory
   * @return this assertion
   * @throws AssertionError naming each node selected and its values
   */
  public PolicyAssert doesNotSelect(String... ids) {
    SearchResult result = run();
    Set<String> selected = ids(result);
    List<String> problems = new ArrayList<>();
    for (String id : ids) {
      Resource node = node(id);
      if (selected.contains(id)) {
        problems.add("expected the policy `" + actual + "` not to select " + id + " but it did: "
            + explain(result, node, false));
      }
    }
    fail(problems);
    return this;
  }

  /**
   * Verifies that the policy selects these nodes and no other.
   *
   * @param ids node ids, in the inventory
   * @return this assertion
   * @throws AssertionError naming the nodes missing and the nodes selected besides
   */
  public PolicyAssert selectsExactly(String... ids) {
    selects(ids);
    SearchResult result = run();
    Set<String> extra = new LinkedHashSet<>(ids(result));
    extra.removeAll(Arrays.asList(ids));
    if (!extra.isEmpty()) {
      List<String> problems = new ArrayList<>();
      for (String id : extra) {
        problems.add("expected the policy `" + actual + "` to select only " + String.join(", ", ids)
            + " but it also selected " + id + ": " + explain(result, node(id), false));
      }
      fail(problems);
    }
    return this;
  }

  private SearchResult run() {
    isNotNull();
    if (engine == null) {
      throw new IllegalStateException("say which inventory the policy runs on: assertThatPolicy(...).on(inventory)");
    }
    if (clock == null) {
      throw new IllegalStateException("say when the policy runs: assertThatPolicy(...).on(inventory).at(clock)");
    }
    return engine.compile(actual).run(clock);
  }

  private Resource node(String id) {
    return engine.inventory().node(id).orElseThrow(() -> new AssertionError(
        "expected a node " + id + " in the inventory, but there is none (the policy is `" + actual + "`)"));
  }

  private static Set<String> ids(SearchResult result) {
    return result.nodes().stream().map(Resource::id).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw failure("%s", String.join("\n", problems));
    }
  }

  /** The node's values of every property the query reads and, when asked, the terms it fails. */
  private String explain(SearchResult result, Resource node, boolean failingTerms) {
    Instant now = result.now();
    StringBuilder sb = new StringBuilder(node.id()).append(" (").append(node.kind()).append(')');
    for (Path path : actual.predicatePaths()) {
      sb.append(' ').append(path).append('=').append(render(result.values(path, node), now));
    }
    sb.append(" at ").append(now);
    if (failingTerms) {
      List<Term> failing = failingTerms(node);
      if (!failing.isEmpty()) {
        sb.append("; failing term").append(failing.size() == 1 ? "" : "s").append(": ")
            .append(failing.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")));
      }
    }
    return sb.toString();
  }

  /** The top-level terms of a one-part query that the node does not match on its own. */
  private List<Term> failingTerms(Resource node) {
    if (actual.parts().size() != 1) {
      return List.of();
    }
    Optional<Term> term = actual.parts().get(0).term();
    if (term.isEmpty()) {
      return List.of();
    }
    List<Term> terms = term.get() instanceof And and ? and.terms() : List.of(term.get());
    List<Term> failing = new ArrayList<>();
    for (Term t : terms) {
      CompiledQuery one = engine.compile(Query.of(t));
      if (!one.matches(node.id(), clock)) {
        failing.add(t);
      }
    }
    return failing;
  }

  private static String render(List<Object> values, Instant now) {
    if (values.isEmpty()) {
      return "(none)";
    }
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof Duration d) {
        out.add(now.minus(d) + " (" + days(d) + " before " + now + ")");
      } else if (v instanceof Instant t) {
        out.add(t + " (" + days(Duration.between(t, now)) + " before " + now + ")");
      } else {
        out.add(String.valueOf(v));
      }
    }
    return out.size() == 1 ? out.get(0) : out.toString();
  }

  private static String days(Duration d) {
    long days = d.toDays();
    if (Math.abs(days) >= 1) {
      return days + (Math.abs(days) == 1 ? " day" : " days");
    }
    return d.toHours() + " hours";
  }
}
