package dev.inventory.cleanup;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.cleanup.internal.Accounts;
import dev.inventory.cleanup.internal.DeletePasses;
import dev.inventory.cleanup.internal.Text;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cleanup run will act on, in which order, computed from a snapshot and the state store
 * before anything runs, so that it can be inspected and printed first.
 *
 * <p>Planned: every node of the snapshot that is marked for cleanup, not protected and not yet
 * cleaned. Marks for ids that the snapshot does not hold, and marked nodes that are protected or
 * already cleaned, are listed in {@link #unplanned()}. The planned nodes are ordered into passes by
 * {@code delete} edges: for {@code A -delete-> B} between planned nodes, B is in an earlier pass than
 * A (a key before its user); nodes that do not depend on each other share a pass.
 *
 * <pre>{@code
 * CleanupPlan plan = CleanupPlan.of(inventory, state);
 * System.out.println(plan);     // "Cleanup plan: 27 nodes in 2 passes" and one line per node
 * plan.passes().get(0);         // the keys; plan.passes().get(1): their users
 * }</pre>
 *
 * Immutable: a copy of the marks at planning time. The executor re-reads the state before it acts.
 */
public final class CleanupPlan {
  private final Inventory snapshot;
  private final StateStore state;
  private final List<List<Resource>> passes;
  private final Map<String, Mark> marks;
  private final Map<String, Integer> passOf;
  private final Map<String, Optional<String>> accounts;
  private final List<Unplanned> unplanned;

  private CleanupPlan(Inventory snapshot, StateStore state, List<List<Resource>> passes, Map<String, Mark> marks,
      Map<String, Optional<String>> accounts, List<Unplanned> unplanned) {
    this.snapshot = snapshot;
    this.state = state;
    this.passes = passes;
    this.marks = marks;
    this.accounts = accounts;
    this.unplanned = unplanned;
    Map<String, Integer> p = new HashMap<>();
    for (int i = 0; i < passes.size(); i++) {
      for (Resource r : passes.get(i)) {
        p.put(r.id(), i);
      }
    }
    this.passOf = Collections.unmodifiableMap(p);
  }

  /**
   * Plans the cleanup of {@code snapshot} with the marks in {@code state}.
   *
   * @param snapshot the snapshot to plan over
   * @param state the state store with the marks
   * @return the plan
   * @throws CleanupException naming the nodes of a cycle of delete edges between planned nodes
   */
  public static CleanupPlan of(Inventory snapshot, StateStore state) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(state, "state");
    Map<String, Mark> marks = new HashMap<>();
    List<Unplanned> unplanned = new ArrayList<>();
    int[] planned = new int[snapshot.size()];
    int count = 0;
    for (Map.Entry<String, NodeState> e : state.all().entrySet()) { // sorted by id
      NodeState s = e.getValue();
      if (!s.isMarkedForCleanup()) {
        continue;
      }
      int index = snapshot.indexOf(e.getKey());
      if (index < 0) {
        unplanned.add(new Unplanned(e.getKey(), "marked, but not in the snapshot"));
      } else if (s.isProtected()) {
        unplanned.add(new Unplanned(e.getKey(), "marked, but protected"));
      } else if (s.isCleaned()) {
        unplanned.add(new Unplanned(e.getKey(), "marked, but already cleaned"));
      } else {
        planned[count++] = index;
        marks.put(e.getKey(), s.clean().orElseThrow());
      }
    }
    int[] nodes = Arrays.copyOf(planned, count);
    Arrays.sort(nodes); // passes list nodes in snapshot order
    List<List<Resource>> passes = new ArrayList<>();
    Map<String, Optional<String>> accounts = new HashMap<>();
    for (int[] pass : DeletePasses.order(snapshot, nodes)) {
      List<Resource> list = new ArrayList<>(pass.length);
      for (int i : pass) {
        Resource r = snapshot.node(i);
        list.add(r);
        accounts.put(r.id(), Accounts.of(snapshot, i));
      }
      passes.add(Collections.unmodifiableList(list));
    }
    return new CleanupPlan(snapshot, state, Collections.unmodifiableList(passes), Collections.unmodifiableMap(marks),
        Collections.unmodifiableMap(accounts), List.copyOf(unplanned));
  }

  /**
   * The snapshot this plan was made from.
   *
   * @return the snapshot
   */
  public Inventory snapshot() {
    return snapshot;
  }

  /**
   * The state store this plan read its marks from; the executor records outcomes there.
   *
   * @return the state store
   */
  public StateStore state() {
    return state;
  }

  /**
   * The passes in the order they run; each lists its nodes in snapshot order.
   *
   * @return the passes, each a list of nodes
   */
  public List<List<Resource>> passes() {
    return passes;
  }

  /**
   * Every planned node, pass by pass.
   *
   * @return the planned nodes
   */
  public List<Resource> nodes() {
    List<Resource> all = new ArrayList<>(size());
    passes.forEach(all::addAll);
    return Collections.unmodifiableList(all);
  }

  /**
   * The number of planned nodes.
   *
   * @return the number of planned nodes
   */
  public int size() {
    return passOf.size();
  }

  /**
   * Whether nothing is planned.
   *
   * @return whether the plan is empty
   */
  public boolean isEmpty() {
    return passOf.isEmpty();
  }

  /**
   * The 0-based pass of a planned node, if it is planned.
   *
   * @param id the node id
   * @return the pass, or empty when the node is not planned
   */
  public Optional<Integer> passOf(String id) {
    return Optional.ofNullable(passOf.get(id));
  }

  /**
   * The cleanup mark of a planned node as it was when planned, if it is planned.
   *
   * @param id the node id
   * @return the mark, or empty when the node is not planned
   */
  public Optional<Mark> mark(String id) {
    return Optional.ofNullable(marks.get(id));
  }

  /**
   * The name of the nearest {@code account} ancestor of a planned node, if it has one.
   *
   * @param id the node id
   * @return the account's name, or empty
   */
  public Optional<String> account(String id) {
    return accounts.getOrDefault(id, Optional.empty());
  }

  /**
   * Marked nodes that are not planned, with the reason, sorted by id.
   *
   * @return the marked nodes left out of the plan
   */
  public List<Unplanned> unplanned() {
    return unplanned;
  }

  /**
   * The plan as text: a summary line, one block per pass with a line per node (id, kind, name,
   * account, the mark's reason), then the marked nodes that are not planned.
   *
   * @return the plan as text
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("Cleanup plan: ").append(Text.count(size(), "node", "nodes")).append(" in ")
        .append(Text.count(passes.size(), "pass", "passes")).append('\n');
    for (int i = 0; i < passes.size(); i++) {
      List<Resource> pass = passes.get(i);
      b.append("pass ").append(i + 1).append(" (").append(Text.count(pass.size(), "node", "nodes")).append("):\n");
      List<List<String>> rows = new ArrayList<>();
      for (Resource r : pass) {
        rows.add(List.of("", r.id(), r.kind(), r.name().orElse("-"), account(r.id()).map(a -> "account " + a).orElse("-"),
            reason(marks.get(r.id()))));
      }
      Text.columns(rows).forEach(line -> b.append(line).append('\n'));
    }
    if (!unplanned.isEmpty()) {
      b.append("not planned (").append(unplanned.size()).append("):\n");
      for (Unplanned u : unplanned) {
        b.append("  ").append(u.id()).append(": ").append(u.reason()).append('\n');
      }
    }
    return b.toString();
  }

  private static String reason(Mark mark) {
    return mark.reason().isEmpty() ? "(no reason given)" : "\"" + mark.reason() + "\"";
  }

  /** The same as {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }

  /**
   * A marked node that is not in the plan.
   *
   * @param id the node id
   * @param reason why it is not planned, for example {@code marked, but protected}
   */
  public record Unplanned(String id, String reason) {
    /**
     * Checks that the values are present.
     *
     * @param id the marked node's id
     * @param reason why it is not planned, for people
     */
    public Unplanned {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
