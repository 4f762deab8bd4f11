package dev.inventory.query.parse;

import dev.inventory.InventoryException;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A query or command line that cannot be read, or that names something unknown. Errors are data:
 * the text, the position (offset, 1-based line and column), the length of the offending span, a
 * stable {@link ErrorCode}, and the sorted set of what was expected. The message renders the
 * position, the reason, the text line and a caret under the span:
 *
 * <pre>
 * line 1:52: expected a property name after '/'
 * search is(access_key) and last_access &gt; 90days and / not in [jenkins, ci] | clean
 *                                                    ^
 * </pre>
 *
 * <p>Columns are 1-based and count characters (a tab is one column), so the caret always sits
 * under column {@code column}.
 *
 * <pre>{@code
 * try {
 *   QueryParser.parseCommandLine(line);
 * } catch (QuerySyntaxException e) {
 *   e.code();      // ErrorCode.EXPECTED_PROPERTY_NAME
 *   e.column();    // 52
 *   e.expected();  // ['ancestors', 'descendants', 'desired', 'metadata', 'reported']
 * }
 * }</pre>
 */
public class QuerySyntaxException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String reason;
  private final String text;
  private final int offset;
  private final int length;
  private final int line;
  private final int column;
  private final SortedSet<String> expected;

  /**
   * @param code the stable error code
   * @param reason one line saying what is wrong ({@code expected a property name after '/'})
   * @param text the whole text that was parsed
   * @param offset where the offending span starts (0-based, clamped to the text)
   * @param length how many characters it covers (0 at the end of the text)
   * @param expected descriptions of what would have been accepted there
   */
  public QuerySyntaxException(
      ErrorCode code, String reason, String text, int offset, int length, Collection<String> expected) {
    this(code, reason, text, clamp(offset, text), Math.max(0, length), new TreeSet<>(expected));
  }

  private QuerySyntaxException(
      ErrorCode code, String reason, String text, int offset, int length, TreeSet<String> expected) {
    super(render(reason, text, offset, length));
    this.code = Objects.requireNonNull(code, "code");
    this.reason = reason;
    this.text = text;
    this.offset = offset;
    this.length = length;
    this.line = lineOf(text, offset);
    this.column = offset - lineStart(text, offset) + 1;
    this.expected = Collections.unmodifiableSortedSet(expected);
  }

  /** The stable error code. */
  public ErrorCode code() {
    return code;
  }

  /** What is wrong, without position or text: the first line of the message after the position. */
  public String reason() {
    return reason;
  }

  /** The whole text that was parsed (for a command line: the whole line). */
  public String text() {
    return text;
  }

  /** Where the offending span starts, 0-based, in {@link #text()}. */
  public int offset() {
    return offset;
  }

  /** The length of the offending span; 0 at the end of the text. */
  public int length() {
    return length;
  }

  /** The 1-based line of {@link #offset()}. */
  public int line() {
    return line;
  }

  /** The 1-based column of {@link #offset()} in its line. */
  public int column() {
    return column;
  }

  /** What would have been accepted at the offset, sorted; empty when that is not a token question. */
  public SortedSet<String> expected() {
    return expected;
  }

  private static int clamp(int offset, String text) {
    Objects.requireNonNull(text, "text");
    return Math.max(0, Math.min(offset, text.length()));
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineStart(String text, int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  private static String render(String reason, String text, int offset, int length) {
    Objects.requireNonNull(reason, "reason");
    int start = lineStart(text, offset);
    int end = text.indexOf('\n', offset);
    if (end < 0) {
      end = text.length();
    }
    String lineText = text.substring(start, end);
    if (lineText.endsWith("\r")) {
      lineText = lineText.substring(0, lineText.length() - 1);
    }
    StringBuilder caret = new StringBuilder();
    for (int i = start; i < offset; i++) {
      // Keep tabs so that the caret lines up however the terminal renders them.
      caret.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    int carets = Math.max(1, Math.min(length, start + lineText.length() - offset));
    caret.append("^".repeat(carets));
    return "line " + lineOf(text, offset) + ":" + (offset - start + 1) + ": " + reason
        + "\n" + lineText + "\n" + caret;
  }
}
