package dev.inventory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Turns a JSON or YAML parser's complaint into words: no source dump, no feature or class names,
 * no character codes, first letter in lower case. Not API.
 */
public final class JsonErrors {
  // "(start marker at [Source: (byte[])...; line: 1, column: 1])" and the like.
  private static final Pattern SOURCE = Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\][^()]*\\)|\\s*\\[Source:[^\\]]*\\]");
  // "(not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)".
  private static final Pattern FEATURE = Pattern.compile("\\s*\\([^()]*(?:Feature|feature)[^()]*\\)");
  // "('x' (code 120))" -> "'x'".
  private static final Pattern CHAR = Pattern.compile("\\(('[^']*') \\(code -?\\d+\\)\\)");
  // "((CTRL-CHAR, code 10))" -> "(a control character)".
  private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code \\d+\\)\\)");
  private static final Pattern TYPES = Pattern.compile("\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)");

  private JsonErrors() {}

  /**
   * The parser's complaint in words, for example {@code unexpected character '}': was expecting
   * double-quote to start field name}.
   *
   * @param e the parser's exception
   * @return a short phrase
   */
  public static String describe(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null || m.isBlank()) {
      return "unreadable text";
    }
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    m = SOURCE.matcher(m).replaceAll("");
    m = FEATURE.matcher(m).replaceAll("");
    m = CHAR.matcher(m).replaceAll("$1");
    m = CONTROL.matcher(m).replaceAll("(a control character)");
    m = TYPES.matcher(m).replaceAll("a string, number, array, object, null, true or false");
    m = m.replace("end-of-input", "end of the text").replace(" within/between Object entries", " inside an object")
        .replace(" within/between Array entries", " inside an array").strip();
    if (m.endsWith(":")) {
      m = m.substring(0, m.length() - 1);
    }
    return m.isEmpty() ? "unreadable text" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
