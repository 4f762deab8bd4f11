package dev.inventory.state;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
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

  /**
   * Atomically adds the states of nodes this store knows nothing about yet, as one write; a node
   * that already has a state here keeps it, whatever {@code states} says (empty states are
   * ignored). This is how marks exported with a fixture come back without overwriting newer marks
   * in a state file:
   *
   * <pre>{@code
   * StateStore state = StateStore.jsonFile(Path.of("state.json"));
   * Set<String> added = state.importAbsent(fixture.state());   // or fixture.loadStateInto(state)
   * }</pre>
   *
   * @param states states by node id
   * @return the ids whose state was added, sorted
   * @throws StateException when a durable store cannot write; then nothing is added
   */
  Set<String> importAbsent(Map<String, NodeState> states);

  /**
   * A durable store kept in one JSON file, {@code {"version": 1, "nodes": {"<node id>": {"desired":
   * {...}, "metadata": {...}}}}}: the sections as {@link NodeState#desired()} and {@link
   * NodeState#metadata()} give them, times as ISO-8601 UTC text, nodes sorted by id, pretty-printed
   * so that a person can read and diff it.
   *
   * <pre>{@code
   * StateStore state = StateStore.jsonFile(Path.of("/var/lib/inventory/state.json"));
   * state.update("AKIA...", s -> s.withProtection(Mark.of("break-glass key", clock.instant())));
   * }</pre>
   *
   * <p>An existing file is read fully now; a missing one starts empty and is created at the first
   * change. Every change is written atomically (a temp file in the same directory, synced, then
   * renamed over the file), so a crash leaves the old or the new content, never a torn file, and a
   * change that returned is on disk. Threads, several stores on one file and several processes
   * lose no update: each change holds an exclusive lock on the sidecar file {@code <file>.lock} and
   * first re-reads the file if another writer changed it. Reads come from memory; they see what
   * other stores of this JVM wrote at once, and another process's writes when the file's
   * modification time or size shows them, at the latest after this store's next {@code update}.
   * A change function must not write to the store.
   *
   * <p>The file must be writable, and this is checked now, before any command runs: a read-only
   * file (no write permission for this user, or none for anyone, which root respects too), a
   * directory, a missing directory or one that is not writable is a {@link StateException} such
   * as {@code state file /x/ro.json is read-only: cannot keep marks there (make it writable or give
   * another --state file)}, and nothing is changed. Each write keeps the file's permissions and
   * owner; a file the store creates gets mode {@code 600} ({@code rw-------}) where the file system
   * is POSIX.
   *
   * @param file the state file; its directory must exist
   * @return the store
   * @throws StateException if the file cannot be written (see above), cannot be read, or is not a
   *     valid state file ({@code state file X, line L, column C: not valid JSON (...)}): the
   *     message names the file, the line and column and what was expected. Such a file is never
   *     overwritten.
   */
  static StateStore jsonFile(Path file) {
    return JsonFileStateStore.open(file);
  }

  /** A store that lives in memory only. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }
}
