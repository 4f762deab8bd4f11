package dev.inventory.cleanup.internal;

import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders planned nodes into passes by what must be gone first ({@link GoneFirst}: {@code delete}
 * edges and the kinds' declarations). For {@code A -delete-> B} between planned nodes, or a user A
 * owning a planned key B, B must be gone before A, so B lands in an earlier pass; a node goes into
 * the first pass after all the planned nodes it waits for (Kahn's algorithm by layers).
 */
public final class DeletePasses {
  private DeletePasses() {}

  /**
   * @param planned dense indices of the planned nodes, ascending
   * @return the passes, each in ascending index order
   * @throws CleanupException naming the nodes of one cycle, if the links between planned nodes
   *     form one
   */
  public static List<int[]> order(Inventory snapshot, int[] planned) {
    boolean[] inPlan = new boolean[snapshot.size()];
    for (int i : planned) {
      inPlan[i] = true;
    }
    int[] waiting = new int[snapshot.size()]; // planned nodes it waits for that are not yet in a pass
    Map<Integer, List<Integer>> waitedOnBy = new HashMap<>(); // b -> planned nodes waiting for b
    Map<Integer, List<Integer>> waitsFor = new HashMap<>();
    for (int i : planned) {
      int a = i;
      GoneFirst.forEach(snapshot, a, j -> {
        if (inPlan[j]) {
          waiting[a]++;
          waitedOnBy.computeIfAbsent(j, k -> new ArrayList<>()).add(a);
          waitsFor.computeIfAbsent(a, k -> new ArrayList<>()).add(j);
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
        for (int a : waitedOnBy.getOrDefault(b, List.of())) {
          if (--waiting[a] == 0) {
            next.add(a);
          }
        }
      }
      current = next.stream().mapToInt(Integer::intValue).toArray();
    }
    if (placed < planned.length) {
      throw new CleanupException("the planned nodes that must be gone before others form a cycle, so no order can "
          + "clean them: " + describeCycle(snapshot, planned, waitsFor, waiting));
    }
    return passes;
  }

  /**
   * Every node left over waits for at least one other left-over node, so walking from any of them
   * along left-over links must come back to a node already seen: that loop is a cycle. A link is
   * shown as {@code -delete->} for a delete edge and {@code -default->} for a kind's declaration.
   */
  private static String describeCycle(Inventory snapshot, int[] planned, Map<Integer, List<Integer>> waitsFor,
      int[] waiting) {
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
      for (int j : waitsFor.getOrDefault(from, List.of())) {
        if (waiting[j] > 0) {
          next = j;
          break;
        }
      }
      node = next;
    }
    List<Integer> cycle = new ArrayList<>();
    boolean inCycle = false;
    for (int i : path) {
      inCycle |= i == node;
      if (inCycle) {
        cycle.add(i);
      }
    }
    cycle.add(node);
    StringBuilder b = new StringBuilder(snapshot.node(cycle.get(0)).id());
    for (int k = 1; k < cycle.size(); k++) {
      b.append(GoneFirst.byDeleteEdge(snapshot, cycle.get(k - 1), cycle.get(k)) ? " -delete-> " : " -default-> ")
          .append(snapshot.node(cycle.get(k)).id());
    }
    return b.toString();
  }
}
