package dev.inventory.query.parse;

import dev.inventory.query.ast.Aggregate;
import dev.inventory.query.ast.Command;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.PipeCommand;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.internal.Lexical;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the text query language and command lines into the AST of {@link
 * dev.inventory.query.ast}. Stateless and thread-safe.
 *
 * <p>For any input string the parser returns an AST or throws {@link QuerySyntaxException}; it
 * throws nothing else. Leftover input is an error. Kinds are not checked here (see {@link
 * QueryValidator#checkKinds}).
 *
 * <pre>{@code
 * Query q = QueryParser.parse("is(access_key) and last_access > 90days <-- is(user)");
 * Pipeline p = QueryParser.parseCommandLine("search is(access_key) and last_access > 90days | clean");
 * Path path = QueryParser.parsePath("/ancestors.user.reported.name");
 * }</pre>
 */
public final class QueryParser {
  private QueryParser() {}

  /** Parses a search query (the text after {@code search}). */
  public static Query parse(String query) {
    return parseWithSource(query).value();
  }

  /** Parses a search query and keeps where each node came from. */
  public static Parsed<Query> parseWithSource(String query) {
    Objects.requireNonNull(query, "query");
    SourceMap map = new SourceMap();
    Parser parser = new Parser(query, 0, query.length(), map);
    Query q = parser.query();
    parser.expectEnd();
    return new Parsed<>(query, q, map);
  }

  /** Parses a property path such as {@code tags.`owner:team`} or {@code /desired.clean}. */
  public static Path parsePath(String path) {
    Objects.requireNonNull(path, "path");
    Parser parser = new Parser(path, 0, path.length(), new SourceMap());
    if (!isPathStart(parser)) {
      throw parser.unexpected();
    }
    Path p = parser.path();
    parser.expectEnd();
    return p;
  }

  /**
   * Parses what follows {@code search}: options, an optional {@code aggregate(...):} preamble and
   * the query, as Fix Inventory's query texts may start with the preamble.
   *
   * <pre>{@code
   * SearchCommand s = QueryParser.parseSearch("aggregate(kind: sum(1) as count): is(volume)");
   * s.aggregate();   // kind: sum(1) as count
   * s.query();       // is(volume)
   * }</pre>
   *
   * @param text {@code [--explain] [--with-edges] [aggregate(spec):] query}
   * @return the search command
   * @throws QuerySyntaxException for text that does not parse
   */
  public static SearchCommand parseSearch(String text) {
    Objects.requireNonNull(text, "text");
    return search(text, 0, text.length(), new SourceMap());
  }

  /**
   * Parses an aggregate spec, the text of {@code | aggregate ...} or between {@code aggregate(} and
   * {@code )}.
   *
   * <pre>{@code
   * Aggregate a = QueryParser.parseAggregate("account as a: sum(1) as keys, max(/ancestors.user.reported.age) as oldest");
   * }</pre>
   *
   * @param spec {@code [group [as name], ...:] function(expression) [as name], ...}
   * @return the aggregate
   * @throws QuerySyntaxException for a spec that does not parse
   */
  public static Aggregate parseAggregate(String spec) {
    Objects.requireNonNull(spec, "spec");
    AggregateParser parser = new AggregateParser(spec, 0, spec.length(), new SourceMap());
    Aggregate a = parser.spec();
    if (parser.position() < spec.length()) {
      throw new QuerySyntaxException(ErrorCode.TRAILING_INPUT,
          "expected ',' or the end of the aggregate, found '" + spec.charAt(parser.position()) + "'",
          spec, parser.position(), 1, List.of("','", "the end of the aggregate"));
    }
    return a;
  }

  /**
   * Parses a command line: {@code search <query> [| command ...]}, split at each {@code |} outside
   * double quotes and backticks.
   */
  public static Pipeline parseCommandLine(String line) {
    return parseCommandLineWithSource(line).value();
  }

  /** Parses a command line and keeps where each node came from (offsets into the whole line). */
  public static Parsed<Pipeline> parseCommandLineWithSource(String line) {
    Objects.requireNonNull(line, "line");
    SourceMap map = new SourceMap();
    List<Command> commands = new ArrayList<>();
    int from = 0;
    while (true) {
      int bar = Lexical.indexOfPipe(line, from, line.length());
      int to = bar < 0 ? line.length() : bar;
      if (!commands.isEmpty() && aggregates(commands.get(commands.size() - 1))) {
        int at = skipWhitespace(line, from, to);
        throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
            "commands after an aggregate are not supported yet: its rows end the line", line, at,
            Math.max(0, to - at), List.of("the end of the line"));
      }
      commands.add(command(line, from, to, commands.isEmpty(), map));
      if (bar < 0) {
        break;
      }
      from = bar + 1;
    }
    return new Parsed<>(line, new Pipeline(commands), map);
  }

  private static boolean aggregates(Command command) {
    return command instanceof SearchCommand search ? search.aggregate().isPresent()
        : command instanceof PipeCommand.AggregateBy;
  }

  // command := name [arguments]          the first command is "search"
  private static Command command(String line, int from, int to, boolean first, SourceMap map) {
    int start = skipWhitespace(line, from, to);
    if (start == to) {
      String reason;
      int at;
      if (to < line.length()) {
        reason = "expected a command, found '|'";
        at = to;
      } else if (from > 0) {
        reason = "expected a command after '|'";
        at = from - 1;
      } else {
        reason = "expected a command";
        at = to;
      }
      throw new QuerySyntaxException(ErrorCode.EMPTY_COMMAND, reason, line, at, at < line.length() ? 1 : 0,
          commandNames(first));
    }
    int nameEnd = start;
    while (nameEnd < to && !Character.isWhitespace(line.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = ALIASES.getOrDefault(line.substring(start, nameEnd), line.substring(start, nameEnd));
    int argStart = skipWhitespace(line, nameEnd, to);
    int argEnd = to;
    while (argEnd > argStart && Character.isWhitespace(line.charAt(argEnd - 1))) {
      argEnd--;
    }
    Command command;
    if (name.equals("search")) {
      command = search(line, argStart, to, map);
    } else {
      Optional<PipeCommand.Name> known = PipeCommand.Name.fromWord(name);
      if (!first && NOT_OFFERED.containsKey(name)) {
        throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE, "'" + name + "' is not offered: "
            + NOT_OFFERED.get(name), line, start, nameEnd - start, commandNames(false));
      }
      if (first || known.isEmpty()) {
        throw new QuerySyntaxException(ErrorCode.UNKNOWN_COMMAND,
            first ? "a command line starts with 'search', not '" + name + "'" : "unknown command '" + name + "'",
            line, start, nameEnd - start, commandNames(first));
      }
      command = new CommandArguments(line, argStart, argEnd, map).parse(known.get());
    }
    map.put(command, new Span(start, argEnd - start));
    return command;
  }

  // search := "search" {option} [aggregate "(" aggregate_spec ")" ":"] query
  // option := "--with-edges" | "--explain"
  private static SearchCommand search(String line, int from, int to, SourceMap map) {
    boolean withEdges = false;
    boolean explain = false;
    int pos = from;
    while (line.startsWith("--", pos) && pos < to) {
      int end = wordEnd(line, pos, to);
      String option = line.substring(pos, end);
      switch (option) {
        case "--with-edges" -> withEdges = true;
        case "--explain" -> explain = true;
        default -> throw searchOption(line, pos, option);
      }
      pos = skipWhitespace(line, end, to);
    }
    // Fix Inventory takes the options from anywhere in the search: a history option is refused
    // wherever it stands, and --with-edges and --explain may also end the search.
    int queryEnd = to;
    for (int[] word : unquotedWords(line, pos, to)) {
      if (HISTORY_OPTIONS.contains(line.substring(word[0], word[1]))) {
        throw searchOption(line, word[0], line.substring(word[0], word[1]));
      }
    }
    while (true) {
      int end = queryEnd;
      while (end > pos && Character.isWhitespace(line.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > pos && !Character.isWhitespace(line.charAt(start - 1))) {
        start--;
      }
      String word = line.substring(start, end);
      if (start > pos && word.equals("--with-edges")) {
        withEdges = true;
      } else if (start > pos && word.equals("--explain")) {
        explain = true;
      } else {
        break;
      }
      queryEnd = start;
    }
    to = queryEnd;
    Optional<Aggregate> aggregate = Optional.empty();
    int afterWord = pos + "aggregate".length();
    if (line.startsWith("aggregate", pos) && afterWord <= to
        && line.substring(afterWord, skipWhitespace(line, afterWord, to)).isBlank()
        && skipWhitespace(line, afterWord, to) < to && line.charAt(skipWhitespace(line, afterWord, to)) == '(') {
      AggregateParser parser = new AggregateParser(line, skipWhitespace(line, afterWord, to) + 1, to, map);
      aggregate = Optional.of(parser.spec());
      pos = skipWhitespace(line, parser.position(), to);
      pos = expectChar(line, pos, to, ')', "expected ',' or ')' to end the aggregate");
      pos = skipWhitespace(line, pos, to);
      // a query preamble such as (edge_type=delete): may follow the aggregate directly; the query reads it
      if (pos >= to || line.charAt(pos) != '(') {
        pos = expectChar(line, pos, to, ':', "expected ':' between the aggregate and the query");
      }
    }
    Parser parser = new Parser(line, pos, to, map);
    Query q = parser.query();
    parser.expectEnd();
    return new SearchCommand(q, aggregate, withEdges, explain);
  }

  /** Fix Inventory's commands that this library does not offer, with the reason and what to use instead. */
  private static final Map<String, String> NOT_OFFERED = Map.ofEntries(
      Map.entry("jq", "'dump' prints each node as one JSON object, for a jq outside the shell"),
      Map.entry("flatten", "'list' and 'dump' print nested values as they are"),
      Map.entry("set_desired", "the desired section holds only the cleanup mark: use 'clean' and 'unclean'"),
      Map.entry("set_metadata", "the metadata section holds only protection: use 'protect' and 'unprotect'"),
      Map.entry("tag", "cloud resources change only through the cleanup ('clean', dry run by default)"),
      Map.entry("aws", "no AWS CLI calls from a pipeline: the only cloud change is the cleanup"),
      Map.entry("http", "pipelines do not send results over the network"),
      Map.entry("https", "pipelines do not send results over the network"),
      Map.entry("slack", "there are no alerting integrations"),
      Map.entry("discord", "there are no alerting integrations"),
      Map.entry("jira", "there are no alerting integrations"),
      Map.entry("pagerduty", "there are no alerting integrations"),
      Map.entry("alertmanager", "there are no alerting integrations"),
      Map.entry("apps", "there are no infrastructure apps"),
      Map.entry("db", "pipelines do not export to databases"),
      Map.entry("write", "pipelines do not write files; redirect the shell's output"),
      Map.entry("chunk", "it batches network sends, which are not offered"),
      Map.entry("execute-task", "there are no worker tasks"));

  /** Fix Inventory's other names of commands; the canonical text uses the command's own name. */
  private static final Map<String, String> ALIASES = Map.of("query", "search", "match", "search",
      "predecessor", "predecessors", "successor", "successors", "ancestor", "ancestors",
      "descendant", "descendants", "lists", "list");

  private static final List<String> HISTORY_OPTIONS = List.of("--at", "--history", "--before", "--after", "--change");

  private static QuerySyntaxException searchOption(String line, int at, String option) {
    if (HISTORY_OPTIONS.contains(option)) {
      return new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
          "'search " + option + "' needs the history of earlier snapshots, which this library does not keep;"
              + " search the current snapshot without it",
          line, at, option.length(), List.of("a query"));
    }
    return new QuerySyntaxException(ErrorCode.UNKNOWN_OPTION, "unknown option '" + option + "' of 'search'",
        line, at, option.length(), List.of("'--explain'", "'--with-edges'", "a query"));
  }

  private static int wordEnd(String line, int from, int to) {
    int end = from;
    while (end < to && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return end;
  }

  /** The white-space separated words outside double quotes and backticks, as {from, to} pairs. */
  private static List<int[]> unquotedWords(String line, int from, int to) {
    List<int[]> words = new ArrayList<>();
    int start = -1;
    char quote = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? line.charAt(i) : ' ';
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '"' || c == '`') {
        quote = c;
        start = -1;
      } else if (Character.isWhitespace(c)) {
        if (start >= 0) {
          words.add(new int[] {start, i});
        }
        start = -1;
      } else if (start < 0) {
        start = i;
      }
    }
    return words;
  }

  private static int expectChar(String line, int pos, int to, char c, String reason) {
    if (pos < to && line.charAt(pos) == c) {
      return pos + 1;
    }
    boolean end = pos >= to;
    throw new QuerySyntaxException(end ? ErrorCode.UNEXPECTED_END : ErrorCode.UNEXPECTED_TOKEN,
        reason + ", found " + (end ? "the end of the line" : "'" + line.charAt(pos) + "'"),
        line, pos, end ? 0 : 1, List.of("'" + c + "'"));
  }

  private static boolean isPathStart(Parser parser) {
    Token t = parser.peek();
    return t.is(Token.Kind.SLASH) || t.is(Token.Kind.BACKTICK) || t.is(Token.Kind.IDENT);
  }

  private static int skipWhitespace(String line, int from, int to) {
    while (from < to && Character.isWhitespace(line.charAt(from))) {
      from++;
    }
    return from;
  }

  private static List<String> commandNames(boolean first) {
    TreeSet<String> names = new TreeSet<>();
    names.add("'search'");
    if (!first) {
      Arrays.stream(PipeCommand.Name.values()).forEach(n -> names.add("'" + n.word() + "'"));
    }
    return new ArrayList<>(names);
  }
}
