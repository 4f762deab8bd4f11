package dev.inventory.cleanup.internal;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders planned nodes into passes by {@code delete} edges. For {@code A -delete-> B} between planned
 * nodes, B must be gone before A, so B lands in an earlier pass; a node goes into the first pass
 * after all its planned delete successors (Kahn's algorithm by layers).
 */
public final class DeletePasses {
  private DeletePasses() {}

  /**
   * @param planned dense indices of the planned nodes, ascending
   * @return the passes, each in ascending index order
   * @throws CleanupException naming the nodes of one cycle, if the delete edges between planned
   *     nodes form one
   */
  public static List<int[]> order(Inventory snapshot, int[] planned) {
    boolean[] inPlan = new boolean[snapshot.size()];
    for (int i : planned) {
      inPlan[i] = true;
    }
    int[] waiting = new int[snapshot.size()]; // planned delete successors not yet in a pass
    for (int i : planned) {
      snapshot.forEachSuccessor(i, EdgeType.DELETE, j -> {
        if (inPlan[j]) {
          waiting[i]++;
        }
      });
    }
    List<int[]> passes = new ArrayList<>();
    int[] current = Arrays.stream(planned).filter(i -> waiting[i] == 0).toArray();
    int placed = 0;
    while (current.length > 0) {
      passes.add(current);
      placed += current.length;
      Set<Integer> next = new java.util.TreeSet<>();
      for (int b : current) {
        snapshot.forEachPredecessor(b, EdgeType.DELETE, a -> {
          if (inPlan[a] && --waiting[a] == 0) {
            next.add(a);
          }
        });
      }
      current = next.stream().mapToInt(Integer::intValue).toArray();
    }
    if (placed < planned.length) {
      throw new CleanupException("the delete edges between planned nodes form a cycle, so no order can clean them: "
          + describeCycle(snapshot, planned, inPlan, waiting));
    }
    return passes;
  }

  /**
   * Every node left over waits for at least one other left-over node, so walking from any of them
   * along left-over delete successors must come back to a node already seen: that loop is a cycle.
   */
  private static String describeCycle(Inventory snapshot, int[] planned, boolean[] inPlan, int[] waiting) {
    int start = -1;
    for (int i : planned) {
      if (waiting[i] > 0) {
        start = i;
        break;
      }
    }
    LinkedHashSet<Integer> path = new LinkedHashSet<>();
    int node = start;
    while (path.add(node)) {
      int from = node;
      int next = -1;
      for (int j : snapshot.successorIndices(from, EdgeType.DELETE)) {
        if (inPlan[j] && waiting[j] > 0) {
          next = j;
          break;
        }
      }
      node = next;
    }
    List<String> cycle = new ArrayList<>();
    boolean inCycle = false;
    for (int i : path) {
      inCycle |= i == node;
      if (inCycle) {
        cycle.add(snapshot.node(i).id());
      }
    }
    cycle.add(snapshot.node(node).id());
    return String.join(" -delete-> ", cycle);
  }
}
