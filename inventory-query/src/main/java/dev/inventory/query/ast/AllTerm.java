package dev.inventory.query.ast;

/**
 * {@code all}: every node.
 *
 * <pre>{@code
 * new Part(Optional.of(AllTerm.of()), List.of(), Optional.empty(), Optional.empty());   // all
 * }</pre>
 */
public record AllTerm() implements Term {

  /** The term {@code all}. All instances are equal. */
  public static AllTerm of() {
    return new AllTerm();
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
