package dev.inventory.examples;

import dev.inventory.query.parse.QuerySyntaxException;
import java.util.regex.Pattern;

/**
 * What the shell prints when something goes wrong, for people: control characters escaped, a long
 * line shown only around the error, no Java class names.
 */
final class Messages {
  /** How many columns of a long line an error shows around its position. */
  static final int WINDOW = 80;
  // A line up to this long is shown whole: it fits a wide terminal.
  private static final int WHOLE = 120;
  private static final String MORE = "...";
  // "java.nio.file.NoSuchFileException: x" or "IllegalArgumentException: x" left in a message by a cause.
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_]*(?:Exception|Error)(?::\\s*|\\b)");

  private Messages() {}

  /**
   * The text with every control character but newline and tab made visible: ESC as {@code \e},
   * the others as {@code \xNN}, so that echoing a line can neither move the cursor nor clear the
   * screen.
   */
  static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String shown = escaped(c);
      if (shown != null && b == null) {
        b = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (b != null) {
        if (shown == null) {
          b.append(c);
        } else {
          b.append(shown);
        }
      }
    }
    return b == null ? text : b.toString();
  }

  private static String escaped(char c) {
    if (c == '\n' || c == '\t') {
      return null;
    }
    if (c == 0x1b) {
      return "\\e";
    }
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
      return String.format("\\x%02x", (int) c);
    }
    return null;
  }

  /**
   * A syntax error as {@code line L:C: reason}, the line (a line longer than 120 columns only in a
   * window of {@link #WINDOW} columns around the error, with {@code ...} where text is left out)
   * and a caret under the error.
   */
  static String syntax(QuerySyntaxException e) {
    String text = e.text();
    int offset = Math.max(0, Math.min(e.offset(), text.length()));
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int lineEnd = text.indexOf('\n', offset);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    int at = Math.min(offset - lineStart, line.length());
    int from = 0;
    int to = line.length();
    if (line.length() > WHOLE) {
      from = Math.max(0, Math.min(at - WINDOW / 2, line.length() - WINDOW));
      to = Math.min(line.length(), from + WINDOW);
    }
    String before = (from > 0 ? MORE : "") + escape(line.substring(from, at));
    String shown = before + escape(line.substring(at, to)) + (to < line.length() ? MORE : "");
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < before.length(); i++) {
      // Keep tabs so that the caret lines up however the terminal renders them.
      caret.append(before.charAt(i) == '\t' ? '\t' : ' ');
    }
    int carets = Math.max(1, Math.min(e.length(), to - at));
    caret.append("^".repeat(carets));
    return "line " + e.line() + ":" + e.column() + ": " + escape(e.reason()) + "\n" + shown + "\n" + caret;
  }

  /** The text without the Java class names a cause may have left in it. */
  static String withoutClassNames(String text) {
    return CLASS_NAME.matcher(text).replaceAll("");
  }

  /**
   * The message of an error for people: its own text (or, when it has none, a short word for its
   * kind) without the Java class names a cause may have left in it, control characters escaped.
   */
  static String of(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getCause() != null && e.getCause() != e ? of(e.getCause()) : "unexpected error";
    }
    return escape(CLASS_NAME.matcher(message).replaceAll("").strip());
  }
}
