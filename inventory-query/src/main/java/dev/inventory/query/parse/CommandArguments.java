package dev.inventory.query.parse;

import dev.inventory.EdgeType;
import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Column;
import dev.inventory.query.ast.ListFormat;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the arguments of one pipe command, {@code line.substring(from, to)}, into its record.
 * Errors point into the whole command line.
 */
final class CommandArguments {
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern AS = Pattern.compile("^(.*?)\\s+as\\s+(\\S+)\\s*$", Pattern.DOTALL);
  private static final List<String> FORMAT_OPTIONS = List.of("--text", "--yaml", "--cytoscape", "--graphml", "--dot");
  private static final Pattern WHOLE_SECTION = Pattern.compile("/(reported|desired|metadata|ancestors)");
  private static final List<String> LIST_OPTIONS = List.of("'--csv'", "'--json'", "'--markdown'", "'--with-defaults'");

  private final String line;
  private final int from;
  private final int to;
  private final SourceMap map;
  private final String text;
  private boolean withDefaults; // list: --with-defaults seen

  CommandArguments(String line, int from, int to, SourceMap map) {
    this.line = line;
    this.from = from;
    this.to = to;
    this.map = map;
    this.text = line.substring(from, to);
  }

  PipeCommand parse(PipeCommand.Name name) {
    return switch (name) {
      case COUNT -> new PipeCommand.Count(text.isEmpty() ? Optional.empty() : Optional.of(path(from, to)));
      case LIST -> list();
      case HEAD -> new PipeCommand.Head(count(name));
      case TAIL -> new PipeCommand.Tail(count(name));
      case SORT -> {
        Parser parser = new Parser(line, from, to, map);
        PipeCommand c = new PipeCommand.SortBy(parser.sortKeys());
        parser.expectEnd();
        yield c;
      }
      case LIMIT -> {
        Parser parser = new Parser(line, from, to, map);
        PipeCommand c = new PipeCommand.LimitTo(parser.limitArguments());
        parser.expectEnd();
        yield c;
      }
      case CLEAN, PROTECT -> new PipeCommand.Mark(name, reason(text));
      case UNCLEAN, UNPROTECT, DUMP -> {
        if (!text.isEmpty()) {
          throw new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT, "'" + name.word() + "' takes no arguments",
              line, from, to - from, List.of("'|'", "the end of the line"));
        }
        yield name == PipeCommand.Name.DUMP ? new PipeCommand.Dump() : new PipeCommand.Mark(name, "");
      }
      case PREDECESSORS, SUCCESSORS, ANCESTORS, DESCENDANTS -> walk(name);
      case FORMAT -> new PipeCommand.Format(template());
      case AGGREGATE -> {
        if (text.isEmpty()) {
          throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
              "an aggregate needs at least one function, such as sum(1) as count",
              line, from, 0, List.of("a property path", "an aggregate function"));
        }
        AggregateParser parser = new AggregateParser(line, from, to, map);
        Aggregate a = parser.spec();
        if (parser.position() < to) {
          throw new QuerySyntaxException(ErrorCode.TRAILING_INPUT,
              "expected ',' or the end of the aggregate, found '" + line.charAt(parser.position()) + "'",
              line, parser.position(), 1, List.of("','", "the end of the line"));
        }
        yield new PipeCommand.AggregateBy(a);
      }
    };
  }

  private Path path(int start, int end) {
    Parser parser = new Parser(line, start, end, map);
    Token t = parser.peek();
    if (!(t.is(Token.Kind.SLASH) || t.is(Token.Kind.BACKTICK) || t.is(Token.Kind.IDENT))) {
      throw parser.unexpected();
    }
    Path p = parser.path();
    parser.expectEnd();
    return p;
  }

  /** {@code head [n]}: Fix Inventory reads {@code head -5} as {@code head 5}. */
  private int count(PipeCommand.Name name) {
    if (text.isEmpty()) {
      return PipeCommand.DEFAULT_HEAD;
    }
    if (INTEGER.matcher(text).matches()) {
      try {
        int n = Integer.parseInt(text);
        if (n != Integer.MIN_VALUE) {
          return Math.abs(n);
        }
      } catch (NumberFormatException e) {
        // too large: reported below
      }
    }
    throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
        "expected a number after '" + name.word() + "', found '" + text + "'", line, from, to - from,
        List.of("a number"));
  }

  // walk := ["--with-origin"] [edge_type]          in any order
  private PipeCommand walk(PipeCommand.Name name) {
    boolean withOrigin = false;
    Optional<EdgeType> edgeType = Optional.empty();
    int pos = 0;
    while (pos < text.length()) {
      int end = pos;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      String word = text.substring(pos, end);
      if (word.equals("--with-origin") && !withOrigin) {
        withOrigin = true;
      } else if (word.startsWith("--")) {
        throw new QuerySyntaxException(ErrorCode.UNKNOWN_OPTION,
            "unknown option '" + word + "' of '" + name.word() + "'", line, from + pos, word.length(),
            List.of("'--with-origin'"));
      } else if (EdgeType.fromLabel(word).isPresent() && edgeType.isEmpty()) {
        edgeType = EdgeType.fromLabel(word);
      } else {
        List<String> expected = new ArrayList<>();
        Arrays.stream(EdgeType.values()).forEach(t -> expected.add("'" + t.label() + "'"));
        expected.add("'--with-origin'");
        throw new QuerySyntaxException(
            EdgeType.fromLabel(word).isPresent() ? ErrorCode.UNEXPECTED_ARGUMENT : ErrorCode.UNKNOWN_EDGE_TYPE,
            (EdgeType.fromLabel(word).isPresent() ? "'" + name.word() + "' takes one edge type, found '"
                : "unknown edge type '") + word + "'",
            line, from + pos, word.length(), expected);
      }
      pos = end;
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
    return new PipeCommand.Walk(name, edgeType.orElse(EdgeType.DEFAULT), withOrigin);
  }

  // template := { text | "{{" | "}}" | "{" path "}" }
  private Template template() {
    if (text.isEmpty()) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_END, "'format' needs a template such as {name}",
          line, from, 0, List.of("a template"));
    }
    if (text.startsWith("--")) {
      int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
      String option = text.substring(0, end);
      boolean json = option.equals("--json") || option.equals("--ndjson");
      throw new QuerySyntaxException(json || FORMAT_OPTIONS.contains(option) ? ErrorCode.UNSUPPORTED_FEATURE
          : ErrorCode.UNKNOWN_OPTION,
          json ? "'format " + option + "' is not offered; 'dump' prints each node as one JSON object"
              : FORMAT_OPTIONS.contains(option) ? "'format " + option + "' is not offered: format takes a template"
              : "unknown option '" + option + "' of 'format'; format takes a template such as {name}",
          line, from, end, List.of("a template"));
    }
    List<Template.Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '{') {
        int close = text.indexOf('}', i + 1);
        if (close < 0) {
          throw new QuerySyntaxException(ErrorCode.UNEXPECTED_END,
              "a '{' of the template has no '}'; write '{{' for a brace", line, from + i, 1, List.of("'}'"));
        }
        if (literal.length() > 0) {
          pieces.add(new Template.Text(literal.toString()));
          literal.setLength(0);
        }
        pieces.add(new Template.Value(path(from + i + 1, from + close)));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      pieces.add(new Template.Text(literal.toString()));
    }
    return new Template(pieces);
  }

  // list := {option} [column {"," column}] {option}     option := "--csv" | "--json" | "--markdown"
  private PipeCommand list() {
    withDefaults = false;
    Optional<ListFormat> format = Optional.empty();
    int start = 0;
    int end = text.length();
    while (start < end && text.startsWith("--", start)) {
      int wordEnd = start;
      while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
        wordEnd++;
      }
      format = option(format, start, wordEnd);
      start = wordEnd;
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    // Options may also follow the columns: list name, account --csv
    while (end > start) {
      int wordStart = end;
      while (wordStart > start && !Character.isWhitespace(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (!text.startsWith("--", wordStart) || !outsideQuotes(text, start, wordStart)) {
        break;
      }
      format = option(format, wordStart, end);
      end = wordStart;
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    List<Column> columns = new ArrayList<>();
    if (start < end) {
      int columnStart = start;
      for (int i = start; i <= end; i++) {
        if (i == end || text.charAt(i) == ',' && outsideQuotes(text, columnStart, i)) {
          columns.add(column(columnStart, i));
          columnStart = i + 1;
        }
      }
    }
    return new PipeCommand.Listing(format.orElse(ListFormat.PLAIN), columns, withDefaults);
  }

  private Optional<ListFormat> option(Optional<ListFormat> seen, int start, int end) {
    String option = text.substring(start, end);
    if (option.equals("--with-defaults") && !withDefaults) {
      withDefaults = true;
      return seen;
    }
    if (option.equals("--json-table")) {
      throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
          "'list --json-table' is not offered: 'list --json' prints an array of objects, 'dump' one object per node",
          line, from + start, option.length(), LIST_OPTIONS);
    }
    ListFormat f = switch (option) {
      case "--csv" -> ListFormat.CSV;
      case "--json" -> ListFormat.JSON;
      case "--markdown" -> ListFormat.MARKDOWN;
      default -> throw new QuerySyntaxException(ErrorCode.UNKNOWN_OPTION,
          "unknown option '" + option + "' of 'list'", line, from + start, option.length(), LIST_OPTIONS);
    };
    if (seen.isPresent()) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT,
          "'list' takes one output option", line, from + start, option.length(), List.of("a property path"));
    }
    return Optional.of(f);
  }

  private static boolean outsideQuotes(String s, int start, int end) {
    boolean backtick = false;
    boolean quote = false;
    int brackets = 0;
    for (int i = start; i < end; i++) {
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

  // column := path ["as" name]
  private Column column(int start, int end) {
    String piece = text.substring(start, end);
    int lead = 0;
    while (lead < piece.length() && Character.isWhitespace(piece.charAt(lead))) {
      lead++;
    }
    String stripped = piece.strip();
    int at = from + start + lead;
    if (stripped.isEmpty()) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, "expected a property path in 'list'",
          line, at, 0, List.of("a property path"));
    }
    if (WHOLE_SECTION.matcher(stripped).matches()) {
      throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE, "a whole section (" + stripped
          + ") is not a list column yet: name its properties, such as /desired.clean, or use 'dump'",
          line, at, stripped.length(), List.of("a property path"));
    }
    Matcher m = AS.matcher(stripped);
    if (m.matches()) {
      return new Column(m.group(2), path(at, at + m.group(1).length()));
    }
    return Column.of(path(at, at + stripped.length()));
  }

  /** A reason in double quotes loses them ({@code clean "unused for 90 days"}); other text stays as it is. */
  static String reason(String arguments) {
    String a = arguments.strip();
    if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < a.length() - 1; i++) {
        char ch = a.charAt(i);
        if (ch == '\\' && i + 1 < a.length() - 1) {
          out.append(a.charAt(++i));
        } else if (ch == '"') {
          return a; // more than one quoted string: keep the text as written
        } else {
          out.append(ch);
        }
      }
      return out.toString();
    }
    return a;
  }
}
