package dev.inventory.query.ast;

import java.util.Objects;

/**
 * {@code "text"}: the phrase occurs, case-insensitively, in some string value of the node.
 *
 * <pre>{@code
 * new FullText("jenkins");   // "jenkins"
 * }</pre>
 */
public record FullText(String text) implements Term {
  public FullText {
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
