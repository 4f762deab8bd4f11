package dev.inventory.query.parse;

/**
 * A region of query text: {@code length} characters from {@code offset} (0-based).
 *
 * <pre>{@code
 * Span s = parsed.sourceMap().span(term).orElseThrow();
 * parsed.text().substring(s.offset(), s.end());   // the term's text
 * }</pre>
 */
public record Span(int offset, int length) {
  public Span {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("a span has offset and length >= 0: " + offset + ", " + length);
    }
  }

  /** The offset just after the span. */
  public int end() {
    return offset + length;
  }
}
