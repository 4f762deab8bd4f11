package dev.inventory.cleanup.internal;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Optional;

/** Finds the account a node belongs to, for reports and account guards: the nearest {@code account} ancestor. */
public final class Accounts {
  private Accounts() {}

  /**
   * The name (or, without a name, the id) of the nearest node of kind {@code account} among the
   * ancestors over {@code default} edges, breadth first; the node itself if it is an account.
   */
  public static Optional<String> of(Inventory snapshot, int index) {
    return find(snapshot, index).map(r -> r.name().orElse(r.id()));
  }

  /** The id of the nearest {@code account} ancestor, found as {@link #of(Inventory, int)} finds it. */
  public static Optional<String> idOf(Inventory snapshot, int index) {
    return find(snapshot, index).map(Resource::id);
  }

  private static Optional<Resource> find(Inventory snapshot, int index) {
    BitSet seen = new BitSet(snapshot.size());
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(index);
    seen.set(index);
    while (!queue.isEmpty()) {
      int i = queue.poll();
      Resource r = snapshot.node(i);
      if (snapshot.kinds().isSubkind(r.kind(), BaseKinds.ACCOUNT)) {
        return Optional.of(r);
      }
      snapshot.forEachPredecessor(i, EdgeType.DEFAULT, p -> {
        if (!seen.get(p)) {
          seen.set(p);
          queue.add(p);
        }
      });
    }
    return Optional.empty();
  }
}
