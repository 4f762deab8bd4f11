package dev.inventory.query.internal.eval;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.query.ast.Navigation;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Walks a {@link Navigation} over the adjacency lists of a snapshot.
 *
 * <p>As in Fix Inventory, every start node gets its own breadth-first walk in which each node is
 * visited once, at its shortest distance from that start; a node is reached when that distance lies
 * in the range. The result is the union over all start nodes, each edge type and, for {@code <-->},
 * both directions: a distinct set of nodes, kept in a {@link BitSet} and returned in ascending index
 * order. Start nodes are part of it only when the range starts at 0. An unbounded range stops after
 * {@value Run#MAX_STEPS} steps.
 */
final class Walker {
  private final Navigation navigation;
  private final int from;
  private final int to;
  private final boolean out;
  private final boolean in;
  private final List<EdgeType> edgeTypes;
  private final List<EdgeType> outEdgeTypes;
  private final boolean blocked;

  Walker(Navigation navigation) {
    this.navigation = navigation;
    this.from = navigation.start();
    this.to = navigation.end().orElse(Run.MAX_STEPS);
    this.out = navigation.direction() != Navigation.Direction.IN;
    this.in = navigation.direction() != Navigation.Direction.OUT;
    this.edgeTypes = navigation.edgeTypes();
    this.outEdgeTypes = navigation.outwardEdgeTypes();
    // The edges of an inventory carry no properties, so an edge filter gives the same answer for
    // every edge: the one it gives on an empty document.
    this.blocked = navigation.edgeFilter().map(f -> !TermCompiler.holdsOnEmptyDocument(f)).orElse(false);
  }

  Navigation navigation() {
    return navigation;
  }

  /** The nodes reached from {@code starts} (ascending node indices). */
  BitSet walk(Inventory inv, int[] starts) {
    BitSet result = new BitSet(inv.size());
    if (from == 0) {
      for (int s : starts) {
        result.set(s);
      }
    }
    if (to == 0 || blocked) {
      return result;
    }
    if (out) {
      for (EdgeType type : outEdgeTypes) {
        walk(inv, starts, type, false, result);
      }
    }
    if (in) {
      for (EdgeType type : edgeTypes) {
        walk(inv, starts, type, true, result);
      }
    }
    return result;
  }

  private void walk(Inventory inv, int[] starts, EdgeType type, boolean inward, BitSet result) {
    if (to == 1) {
      // One step: the neighbours of every start, no bookkeeping needed.
      for (int s : starts) {
        if (inward) {
          inv.forEachPredecessor(s, type, result::set);
        } else {
          inv.forEachSuccessor(s, type, result::set);
        }
      }
      return;
    }
    BitSet visited = new BitSet(inv.size());
    int[] touched = new int[16];
    for (int s : starts) {
      int touchedCount = 0;
      visited.set(s);
      touched = push(touched, touchedCount++, s);
      int[] frontier = {s};
      for (int depth = 1; depth <= to && frontier.length > 0; depth++) {
        int[] next = new int[Math.max(4, frontier.length)];
        int size = 0;
        for (int u : frontier) {
          int[] nb = inward ? inv.predecessorIndices(u, type) : inv.successorIndices(u, type);
          for (int v : nb) {
            if (visited.get(v)) {
              continue;
            }
            visited.set(v);
            touched = push(touched, touchedCount++, v);
            next = push(next, size++, v);
            if (depth >= from) {
              result.set(v);
            }
          }
        }
        frontier = Arrays.copyOf(next, size);
      }
      for (int i = 0; i < touchedCount; i++) {
        visited.clear(touched[i]);
      }
    }
  }

  private static int[] push(int[] a, int at, int v) {
    int[] b = at < a.length ? a : Arrays.copyOf(a, a.length * 2);
    b[at] = v;
    return b;
  }
}
