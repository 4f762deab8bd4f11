package dev.inventory.query.command;

import dev.inventory.query.ast.Path;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.query.parse.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The arguments of {@code list}: {@code [--csv|--json|--markdown] [path [as name], ...]}. Errors
 * point into the command line.
 */
record ListArguments(ListFormat format, List<Column> columns) {
  private static final Pattern AS = Pattern.compile("^(.*?)\\s+as\\s+(\\S+)\\s*$", Pattern.DOTALL);
  private static final Pattern TRAILING_OPTION = Pattern.compile("^(.*?)\\s+(--\\S+)\\s*$", Pattern.DOTALL);
  private static final List<String> OPTIONS = List.of("'--csv'", "'--json'", "'--markdown'");

  ListArguments {
    columns = List.copyOf(columns);
  }

  /**
   * @param offset where {@code arguments} start in {@code line}
   */
  static ListArguments parse(String arguments, String line, int offset) {
    ListFormat format = null;
    int pos = 0;
    while (pos < arguments.length() && arguments.startsWith("--", pos)) {
      int end = pos;
      while (end < arguments.length() && !Character.isWhitespace(arguments.charAt(end))) {
        end++;
      }
      format = option(format, arguments.substring(pos, end), line, offset + pos);
      pos = end;
      while (pos < arguments.length() && Character.isWhitespace(arguments.charAt(pos))) {
        pos++;
      }
    }
    // The output option may also follow the columns, as in "list name, id --csv".
    int limit = arguments.length();
    for (Matcher m = TRAILING_OPTION.matcher(arguments.substring(pos, limit)); m.matches()
        && outsideQuotes(arguments, pos, pos + m.start(2)); m = TRAILING_OPTION.matcher(arguments.substring(pos, limit))) {
      format = option(format, m.group(2), line, offset + pos + m.start(2));
      limit = pos + m.end(1);
    }
    List<Column> columns = new ArrayList<>();
    if (pos < limit) {
      int start = pos;
      for (int i = pos; i <= limit; i++) {
        if (i == limit || arguments.charAt(i) == ',' && outsideQuotes(arguments, start, i)) {
          columns.add(column(arguments, start, i, line, offset));
          start = i + 1;
        }
      }
    }
    return new ListArguments(format == null ? ListFormat.PLAIN : format, columns);
  }

  // One output option at `at` in the line; an error when a format was given already.
  private static ListFormat option(ListFormat seen, String option, String line, int at) {
    ListFormat f = switch (option) {
      case "--csv" -> ListFormat.CSV;
      case "--json" -> ListFormat.JSON;
      case "--markdown" -> ListFormat.MARKDOWN;
      default -> throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
          "unknown option '" + option + "' of 'list'", line, at, option.length(), OPTIONS);
    };
    if (seen != null) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
          "'list' takes one output option", line, at, option.length(), List.of("a property path"));
    }
    return f;
  }

  private static boolean outsideQuotes(String s, int from, int to) {
    boolean backtick = false;
    boolean quote = false;
    int brackets = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '`' && !quote) {
        backtick = !backtick;
      } else if (c == '"' && !backtick) {
        quote = !quote;
      } else if (!quote && !backtick && c == '[') {
        brackets++;
      } else if (!quote && !backtick && c == ']') {
        brackets--;
      }
    }
    return !backtick && !quote && brackets <= 0;
  }

  private static Column column(String arguments, int from, int to, String line, int offset) {
    String piece = arguments.substring(from, to);
    int lead = 0;
    while (lead < piece.length() && Character.isWhitespace(piece.charAt(lead))) {
      lead++;
    }
    String text = piece.strip();
    int at = offset + from + lead;
    if (text.isEmpty()) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, "expected a property path in 'list'",
          line, at, 0, List.of("a property path"));
    }
    String name = null;
    String pathText = text;
    Matcher m = AS.matcher(text);
    if (m.matches()) {
      pathText = m.group(1);
      name = m.group(2);
    }
    Path path;
    try {
      path = QueryParser.parsePath(pathText);
    } catch (QuerySyntaxException e) {
      throw new QuerySyntaxException(e.code(), e.reason(), line, at + e.offset(), e.length(), e.expected());
    }
    return name == null ? Column.of(path) : new Column(name, path);
  }
}
