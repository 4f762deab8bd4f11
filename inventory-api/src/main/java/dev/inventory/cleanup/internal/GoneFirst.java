package dev.inventory.cleanup.internal;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The nodes that must be gone before a node can be cleaned: its {@code delete}-edge successors
 * ({@code A -delete-> B}: A only after B is gone) and its {@code default}-edge successors whose kind
 * its kind lists in {@link KindRegistry#requiresGoneFirst(String)} (a user's access keys). The
 * planner orders by these and the executor skips a node while one of them is still there, so both
 * read them here.
 */
public final class GoneFirst {
  private GoneFirst() {}

  /**
   * Calls {@code action} with the index of every node that must be gone before node {@code index},
   * each once, delete-edge successors first.
   *
   * @param snapshot the graph
   * @param index the node
   * @param action gets each index
   */
  public static void forEach(Inventory snapshot, int index, IntConsumer action) {
    int[] delete = snapshot.successorIndices(index, EdgeType.DELETE);
    for (int j : delete) {
      action.accept(j);
    }
    KindRegistry kinds = snapshot.kinds();
    String kind = snapshot.node(index).kind();
    if (!kinds.contains(kind) || kinds.requiresGoneFirst(kind).isEmpty()) {
      return;
    }
    snapshot.forEachSuccessor(index, EdgeType.DEFAULT, j -> {
      if (kinds.mustWaitFor(kind, snapshot.node(j).kind()) && Arrays.stream(delete).noneMatch(d -> d == j)) {
        action.accept(j);
      }
    });
  }

  /**
   * Whether node {@code before} must be gone before node {@code index} because of a delete edge
   * (false when only a kind declaration asks for it).
   *
   * @param snapshot the graph
   * @param index the node to clean
   * @param before the node that must be gone first
   * @return whether a delete edge links them
   */
  public static boolean byDeleteEdge(Inventory snapshot, int index, int before) {
    return Arrays.stream(snapshot.successorIndices(index, EdgeType.DELETE)).anyMatch(d -> d == before);
  }
}
