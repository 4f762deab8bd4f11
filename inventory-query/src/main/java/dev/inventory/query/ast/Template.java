package dev.inventory.query.ast;

import java.util.List;
import java.util.Objects;

/**
 * The template of {@code format}: literal text and {@code {path}} placeholders; {@code {{} and
 * {@code }}} stand for a literal brace, as in Fix Inventory.
 *
 * <pre>{@code
 * search is(access_key) | format {name} of {/ancestors.user.reported.name}
 * }</pre>
 *
 * @param pieces the literal texts and placeholders in order
 */
public record Template(List<Piece> pieces) {

  /** Copies the pieces and checks there is one. */
  public Template {
    pieces = List.copyOf(pieces);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("a template has text or a placeholder");
    }
  }

  /** A piece of a template. */
  public sealed interface Piece permits Text, Value {}

  /**
   * Literal text.
   *
   * @param text the text, not empty
   */
  public record Text(String text) implements Piece {
    /** Checks the text is not empty. */
    public Text {
      if (Objects.requireNonNull(text, "text").isEmpty()) {
        throw new IllegalArgumentException("a template text is not empty");
      }
    }
  }

  /**
   * A placeholder: the value of a path ({@code null} when the node has none).
   *
   * @param path the path
   */
  public record Value(Path path) implements Piece {
    /** Checks the path is given. */
    public Value {
      Objects.requireNonNull(path, "path");
    }
  }

  /** The template as {@code format} takes it, braces in literal text doubled. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Piece p : pieces) {
      if (p instanceof Text t) {
        out.append(t.text().replace("{", "{{").replace("}", "}}"));
      } else if (p instanceof Value v) {
        out.append('{').append(v.path()).append('}');
      }
    }
    return out.toString();
  }
}
