package dev.inventory.query.parse;

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
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

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
  private static final Pattern COUNT_ARGUMENT = Pattern.compile("-?[0-9]+");

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
      commands.add(command(line, from, to, commands.isEmpty(), map));
      if (bar < 0) {
        break;
      }
      from = bar + 1;
    }
    return new Parsed<>(line, new Pipeline(commands), map);
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
    String name = line.substring(start, nameEnd);
    int argStart = skipWhitespace(line, nameEnd, to);
    int argEnd = to;
    while (argEnd > argStart && Character.isWhitespace(line.charAt(argEnd - 1))) {
      argEnd--;
    }
    String arguments = line.substring(argStart, argEnd);
    Command command;
    if (name.equals("search")) {
      Parser parser = new Parser(line, argStart, to, map);
      Query q = parser.query();
      parser.expectEnd();
      command = new SearchCommand(q);
    } else {
      Optional<PipeCommand.Name> known = PipeCommand.Name.fromWord(name);
      if (first || known.isEmpty()) {
        throw new QuerySyntaxException(ErrorCode.UNKNOWN_COMMAND,
            first ? "a command line starts with 'search', not '" + name + "'" : "unknown command '" + name + "'",
            line, start, nameEnd - start, commandNames(first));
      }
      checkArguments(known.get(), line, argStart, argEnd, map);
      command = new PipeCommand(known.get(), arguments);
    }
    map.put(command, new Span(start, argEnd - start));
    return command;
  }

  /** Arguments whose syntax is fixed are checked here, so that errors point into the line. */
  private static void checkArguments(PipeCommand.Name name, String line, int from, int to, SourceMap map) {
    String arguments = line.substring(from, to);
    switch (name) {
      case COUNT -> {
        if (!arguments.isEmpty()) {
          Parser parser = new Parser(line, from, to, map);
          if (!isPathStart(parser)) {
            throw parser.unexpected();
          }
          parser.path();
          parser.expectEnd();
        }
      }
      case HEAD, TAIL -> {
        if (!arguments.isEmpty() && !fitsInt(arguments)) {
          throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
              "expected a number after '" + name.word() + "', found '" + arguments + "'",
              line, from, to - from, List.of("a number"));
        }
      }
      case SORT -> {
        Parser parser = new Parser(line, from, to, map);
        parser.sortKeys();
        parser.expectEnd();
      }
      case LIMIT -> {
        Parser parser = new Parser(line, from, to, map);
        parser.limitArguments();
        parser.expectEnd();
      }
      case UNCLEAN, UNPROTECT -> {
        if (!arguments.isEmpty()) {
          throw new QuerySyntaxException(ErrorCode.UNEXPECTED_ARGUMENT,
              "'" + name.word() + "' takes no arguments", line, from, to - from, List.of("'|'", "the end of the line"));
        }
      }
      default -> {
        // list, clean and protect take free text
      }
    }
  }

  private static boolean isPathStart(Parser parser) {
    Token t = parser.peek();
    return t.is(Token.Kind.SLASH) || t.is(Token.Kind.BACKTICK) || t.is(Token.Kind.IDENT);
  }

  private static boolean fitsInt(String s) {
    if (!COUNT_ARGUMENT.matcher(s).matches()) {
      return false;
    }
    try {
      Integer.parseInt(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
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
