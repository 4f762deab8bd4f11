package dev.inventory.query.eval;

/** A compiled term: does the node (or, inside a context term, the array element) match? */
@FunctionalInterface
interface Cond {
  Cond ALL = (run, node, element) -> true;

  /**
   * @param element {@link PathReader#NO_ELEMENT} outside context terms, else the array element
   *     that relative paths read from
   */
  boolean test(Run run, int node, Object element);
}
