package dev.inventory.query.internal.eval;

/** A compiled term: does the node (or, inside a context term, the array element) match? */
@FunctionalInterface
interface Cond {
  Cond ALL = (run, node, element) -> true;

  /**
   * @param element {@link PathReader#NO_ELEMENT} outside context terms, else the array element
   *     that relative paths read from
   */
  boolean test(Run run, int node, Object element);

  /**
   * The candidates that {@link #test} accepts outside context terms, in the same order, as a new
   * array ({@code candidates} may be shared and is never changed). A term that can do better over
   * many nodes at once (a time column) overrides it; the answer is the same.
   */
  default int[] filter(Run run, int[] candidates) {
    int[] out = new int[candidates.length];
    int n = 0;
    for (int i : candidates) {
      if (test(run, i, PathReader.NO_ELEMENT)) {
        out[n++] = i;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
