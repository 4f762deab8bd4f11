package dev.inventory.state;

import java.util.Collection;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Marks and cleanup progress keyed by node id, kept beside the snapshots so that they survive a
 * new collect. Implementations are thread-safe: concurrent updates from several threads lose
 * nothing.
 *
 * <pre>{@code
 * StateStore state = StateStore.jsonFile(Path.of("state.json"));   // or StateStore.inMemory()
 * state.update(key.id(), s -> s.withClean(Mark.of("unused for 90 days", clock.instant())));
 * state.get(key.id()).isMarkedForCleanup();   // true, also after a restart
 * }</pre>
 */
public interface StateStore {

  /** The state of a node; {@link NodeState#EMPTY} when nothing is recorded. */
  NodeState get(String id);

  /** A consistent copy of every non-empty state, by node id (sorted by id). */
  Map<String, NodeState> all();

  /**
   * Atomically changes the state of one node: reads the current state, applies {@code change} and
   * stores the result (an {@link NodeState#isEmpty() empty} result removes the entry). A durable
   * store has written the change when this returns; if writing fails, nothing changes and a {@link
   * StateException} is thrown.
   *
   * @return the new state
   */
  NodeState update(String id, UnaryOperator<NodeState> change);

  /**
   * Atomically applies {@code change} to each of {@code ids}, as one write: either every node
   * changes or none does.
   */
  void updateAll(Collection<String> ids, UnaryOperator<NodeState> change);

  /** Atomically replaces the whole content with {@code states} (empty states are dropped). */
  void replaceAll(Map<String, NodeState> states);

  /** A store that lives in memory only. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }
}
