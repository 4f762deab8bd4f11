package dev.inventory.query.parse;

import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an aggregate spec between {@code from} and {@code to} of a command line; errors point into
 * the line. Paths are read by the query parser, so they mean what they mean in a query.
 */
final class AggregateParser {
  private static final List<String> FUNCTIONS = List.of("'sum'", "'count'", "'min'", "'max'", "'avg'", "'stddev'",
      "'variance'");

  private static final int MAX_DEPTH = 100;

  private final String line;
  private final int to;
  private final SourceMap map;
  private int pos;
  private int depth; // open parentheses around the current operand

  AggregateParser(String line, int from, int to, SourceMap map) {
    this.line = line;
    this.pos = from;
    this.to = to;
    this.map = map;
  }

  /** Where the parser stands: the first character it has not read. */
  int position() {
    return pos;
  }

  // spec := [group {"," group} ":"] function {"," function}
  Aggregate spec() {
    List<Aggregate.Group> groups = new ArrayList<>();
    List<Aggregate.Function> functions = new ArrayList<>();
    boolean inFunctions = false;
    skip();
    if (pos >= to) {
      throw needsFunction();
    }
    while (true) {
      skip();
      if (atFunction()) {
        inFunctions = true;
        functions.add(function());
      } else if (inFunctions) {
        throw error("expected an aggregate function", FUNCTIONS);
      } else {
        groups.add(group());
      }
      skip();
      if (accept(',')) {
        continue;
      }
      if (!inFunctions && accept(':')) {
        inFunctions = true;
        skip();
        if (pos >= to) {
          throw needsFunction();
        }
        if (!atFunction()) {
          throw error("expected an aggregate function after ':'", FUNCTIONS);
        }
        continue;
      }
      break;
    }
    if (functions.isEmpty()) {
      if (groups.isEmpty()) {
        throw needsFunction();
      }
      throw error("expected ':' and the aggregate functions after the groups", List.of("','", "':'"));
    }
    try {
      return new Aggregate(groups, functions);
    } catch (IllegalArgumentException e) {
      throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, e.getMessage() + "; name one with 'as'",
          line, pos, 0, List.of("'as'"));
    }
  }

  // Fix's parser takes an aggregate without functions and fails when it runs; here it is refused at once.
  private QuerySyntaxException needsFunction() {
    return new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
        "an aggregate needs at least one function, such as sum(1) as count", line, pos, 0, FUNCTIONS);
  }

  // group := path ["as" name]
  private Aggregate.Group group() {
    if (pos < to && line.charAt(pos) == '"') {
      throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
          "aggregate groups named by a template (\"{a}_{b}\" as name) are not supported yet; group by paths"
              + " (a.b as name) instead", line, pos, 1, List.of("a property path"));
    }
    Path path = path();
    return new Aggregate.Group(path, as());
  }

  // function := ("sum" | "count" | "min" | "max" | "avg" | "stddev" | "variance") "(" expression ")" ["as" name]
  private Aggregate.Function function() {
    String word = word();
    Aggregate.Kind kind = Aggregate.Kind.valueOf(word.toUpperCase(Locale.ROOT));
    skip();
    expect('(', "'('");
    Aggregate.Expression argument = expression();
    skip();
    expect(')', "')'");
    return new Aggregate.Function(kind, argument, as());
  }

  // expression := product {("+" | "-") product}
  private Aggregate.Expression expression() {
    Aggregate.Expression left = product();
    while (true) {
      skip();
      if (pos < to && (line.charAt(pos) == '+' || line.charAt(pos) == '-')) {
        Aggregate.Operator op = Aggregate.Operator.fromSymbol(String.valueOf(line.charAt(pos++))).orElseThrow();
        left = new Aggregate.Binary(op, left, product());
      } else {
        return left;
      }
    }
  }

  // product := operand {("*" | "/" | "%") operand}
  private Aggregate.Expression product() {
    Aggregate.Expression left = operand();
    while (true) {
      skip();
      if (pos < to && "*/%".indexOf(line.charAt(pos)) >= 0) {
        Aggregate.Operator op = Aggregate.Operator.fromSymbol(String.valueOf(line.charAt(pos++))).orElseThrow();
        left = new Aggregate.Binary(op, left, operand());
      } else {
        return left;
      }
    }
  }

  // operand := ["-"] number | path | "(" expression ")"
  private Aggregate.Expression operand() {
    skip();
    if (accept('(')) {
      if (++depth > MAX_DEPTH) {
        throw new QuerySyntaxException(ErrorCode.NESTING_TOO_DEEP,
            "parentheses nested deeper than " + MAX_DEPTH + " levels", line, pos - 1, 1, List.of());
      }
      Aggregate.Expression inner = expression();
      skip();
      expect(')', "')'");
      depth--;
      return inner;
    }
    int start = pos;
    if (pos < to && (line.charAt(pos) == '-' || Character.isDigit(line.charAt(pos)))) {
      int end = pos + 1;
      while (end < to && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '.')) {
        end++;
      }
      String text = line.substring(start, end);
      try {
        BigDecimal value = new BigDecimal(text);
        pos = end;
        return new Aggregate.Number(value);
      } catch (NumberFormatException e) {
        throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, "expected a number, found '" + text + "'",
            line, start, end - start, List.of("a number"));
      }
    }
    if (pos < to && isPathStart(line.charAt(pos))) {
      return new Aggregate.PathValue(path());
    }
    throw error("expected a number, a property path or '('", List.of("'('", "a number", "a property path"));
  }

  // ["as" name]
  private Optional<String> as() {
    skip();
    int start = pos;
    if (pos + 2 <= to && line.startsWith("as", pos) && (pos + 2 == to || !isNameChar(line.charAt(pos + 2)))) {
      pos += 2;
      skip();
      int nameStart = pos;
      while (pos < to && isNameChar(line.charAt(pos))) {
        pos++;
      }
      String name = line.substring(nameStart, pos);
      if (!Aggregate.isName(name)) {
        throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN, "expected a name after 'as'",
            line, nameStart, 0, List.of("a name"));
      }
      return Optional.of(name);
    }
    pos = start;
    return Optional.empty();
  }

  /**
   * A property path: its extent is found here (names, dots, backticks, brackets, a leading '/'),
   * the path itself is read by the query parser.
   */
  private Path path() {
    int start = pos;
    if (pos >= to || !isPathStart(line.charAt(pos))) {
      throw error("expected a property path", List.of("a property path"));
    }
    int end = pos;
    if (line.charAt(end) == '/') {
      end++;
    }
    while (end < to) {
      char c = line.charAt(end);
      if (c == '`') {
        int close = line.indexOf('`', end + 1);
        end = close < 0 || close >= to ? to : close + 1;
      } else if (c == '[') {
        int close = line.indexOf(']', end + 1);
        end = close < 0 || close >= to ? to : close + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        end++;
      } else {
        break;
      }
    }
    Parser parser = new Parser(line, start, end, map);
    Path p = parser.path();
    parser.expectEnd();
    pos = end;
    return p;
  }

  private boolean atFunction() {
    int save = pos;
    String word = word();
    int after = pos;
    pos = save;
    if (!FUNCTIONS.contains("'" + word + "'")) {
      return false;
    }
    while (after < to && Character.isWhitespace(line.charAt(after))) {
      after++;
    }
    return after < to && line.charAt(after) == '(';
  }

  private String word() {
    int start = pos;
    while (pos < to && Character.isLetter(line.charAt(pos))) {
      pos++;
    }
    return line.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static boolean isPathStart(char c) {
    return c == '/' || c == '`' || c == '_' || Character.isLetter(c);
  }

  private void skip() {
    while (pos < to && Character.isWhitespace(line.charAt(pos))) {
      pos++;
    }
  }

  private boolean accept(char c) {
    if (pos < to && line.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c, String description) {
    skip();
    if (!accept(c)) {
      throw error("expected " + description, List.of(description));
    }
  }

  private QuerySyntaxException error(String reason, List<String> expected) {
    boolean end = pos >= to;
    String found = end ? "the end of the aggregate" : "'" + line.charAt(pos) + "'";
    return new QuerySyntaxException(end ? ErrorCode.UNEXPECTED_END : ErrorCode.UNEXPECTED_TOKEN,
        reason + ", found " + found, line, pos, end ? 0 : 1, expected);
  }
}
