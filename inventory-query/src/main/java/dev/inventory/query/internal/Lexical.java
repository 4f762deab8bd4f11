package dev.inventory.query.internal;

import dev.inventory.Values;
import dev.inventory.query.ast.BoolValue;
import dev.inventory.query.ast.DateTimeValue;
import dev.inventory.query.ast.DurationValue;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.NumberValue;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Value;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lexical rules shared by the parser and the printer, so that what the printer writes unquoted is
 * exactly what the parser reads back as the same value. Not API.
 */
public final class Lexical {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+\\.[0-9]+");
  private static final Pattern DATETIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.+");

  /**
   * Words that cannot start a relative path because the parser reads them as keywords where a term
   * starts. The printer writes such paths as {@code /reported....}.
   */
  public static final Set<String> RESERVED = Set.of("all", "and", "or", "not", "with", "sort", "limit");

  private Lexical() {}

  /**
   * Whether {@code s} is an identifier: {@code [A-Za-z_][A-Za-z0-9_]*} with single inner hyphens
   * ({@code access-key} yes, {@code a-} no, so that {@code a-->} reads as {@code a -->}).
   */
  public static boolean isIdentifier(String s) {
    return IDENTIFIER.matcher(s).matches();
  }

  /** Whether {@code c} may appear in an unquoted value: {@code A-Z a-z 0-9 _ - : / .}. */
  public static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == ':' || c == '/' || c == '.';
  }

  /** Whether {@code c} may start or continue an identifier. */
  public static boolean isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Whether {@code s} is a non-empty run of {@link #isWordChar word characters}. */
  public static boolean isWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isWordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * What an unquoted word means as a value, tried in this order: {@code true}, {@code false},
   * {@code null}; an integer (a {@code long}, or a {@code double} when too large); a decimal; a
   * duration ({@code 90days}); an ISO date-time with a time part; otherwise the string itself.
   */
  public static Value classifyWord(String word) {
    switch (word) {
      case "true":
        return BoolValue.of(true);
      case "false":
        return BoolValue.of(false);
      case "null":
        return NullValue.of();
      default:
        break;
    }
    if (INTEGER.matcher(word).matches()) {
      try {
        return NumberValue.of(Long.parseLong(word));
      } catch (NumberFormatException e) {
        return decimal(word);
      }
    }
    if (DECIMAL.matcher(word).matches()) {
      return decimal(word);
    }
    Optional<DurationValue> duration = DurationValue.parse(word);
    if (duration.isPresent()) {
      return duration.get();
    }
    if (DATETIME.matcher(word).matches()) {
      Optional<Instant> instant = Values.parseDatetime(word);
      if (instant.isPresent()) {
        int year = instant.get().atOffset(ZoneOffset.UTC).getYear();
        if (year >= 1 && year <= 9999) {
          return DateTimeValue.of(instant.get());
        }
      }
    }
    return StringValue.of(word);
  }

  private static Value decimal(String word) {
    double d = Double.parseDouble(word);
    return Double.isFinite(d) ? NumberValue.of(d) : StringValue.of(word);
  }

  /** {@code s} in double quotes, with {@code "} and {@code \} escaped. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /**
   * The index of the first {@code |} in {@code text[from, to)} outside double-quoted strings (with
   * backslash escapes) and backticks, or -1.
   */
  public static int indexOfPipe(String text, int from, int to) {
    char quote = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (quote == '"') {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (quote == '`') {
        if (c == '`') {
          quote = 0;
        }
      } else if (c == '"' || c == '`') {
        quote = c;
      } else if (c == '|') {
        return i;
      }
    }
    return -1;
  }
}
