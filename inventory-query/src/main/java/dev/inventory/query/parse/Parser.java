package dev.inventory.query.parse;

import dev.inventory.EdgeType;
import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.ArrayModifier;
import dev.inventory.query.ast.ContextTerm;
import dev.inventory.query.ast.FullText;
import dev.inventory.query.ast.FunctionTerm;
import dev.inventory.query.ast.IdTerm;
import dev.inventory.query.ast.Index;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Limit;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Navigation;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.ObjectValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.Segment;
import dev.inventory.query.ast.Sort;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.Value;
import dev.inventory.query.ast.MergeQuery;
import dev.inventory.query.ast.WithClause;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.query.internal.Lexical;
import dev.inventory.query.parse.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recursive-descent parser of the query language, one method per grammar rule with
 * the rule above it. It reads {@code text} from {@code from} to {@code to}, so that the search of a
 * command line is parsed in place and errors point into the whole line.
 *
 * <p>Expected sets: every check of the current token that fails records what it looked for; the
 * records are dropped when a token is consumed. So an error lists exactly what would have been
 * accepted where it happened.
 */
final class Parser {
  private static final Pattern WHOLE_SECTION =
      Pattern.compile("/(reported|desired|metadata)");
  private static final Pattern COMPARISON_AHEAD =
      Pattern.compile("\\s*(!=|==|=|<|>|~|!~|in\\b|not\\s+in\\b)");
  /** Deeper nesting is an error rather than a stack overflow. */
  static final int MAX_DEPTH = 100;

  private final String text;
  private final Lexer lexer;
  private final SourceMap sourceMap;
  private final TreeSet<String> expected = new TreeSet<>();
  private int pos;
  private int lastEnd;
  private Token la0;
  private Token la1;
  private int depth;
  /** The edge types of a navigation that names none: {@code default}, or the preamble's {@code edge_type}. */
  private List<EdgeType> defaultEdgeTypes = List.of(EdgeType.DEFAULT);
  /** The outward type of a glued inward-outward pair ({@code <-iamdefault->}) the last edgeTypes() read. */
  private EdgeType glued;
  private Token gluedToken;

  Parser(String text, int from, int to, SourceMap sourceMap) {
    this.text = text;
    this.lexer = new Lexer(text, to);
    this.sourceMap = sourceMap;
    this.pos = from;
    this.lastEnd = from;
  }

  // ---------------------------------------------------------------- grammar

  // query := [preamble ":"] part { part }          every part but the last ends with a navigation
  Query query() {
    preamble();
    List<Part> parts = new ArrayList<>();
    while (true) {
      Part p = part();
      parts.add(p);
      if (p.navigation().isEmpty() || !atPartStart()) {
        break;
      }
    }
    return new Query(parts);
  }

  // preamble := "(" name "=" value { "," name "=" value } ")" ":"        name := "edge_type"
  // Read only when the whole shape is there: "(edge_type == x)" without ":" is a term.
  private void preamble() {
    if (!peek().is(Kind.LPAREN)) {
      return;
    }
    int save = pos;
    int saveEnd = lastEnd;
    List<Token[]> pairs = new ArrayList<>();
    int p = peek().end();
    boolean shape = true;
    try {
      while (shape) {
        Token key = lexer.next(p);
        Token eq = key.is(Kind.IDENT) ? lexer.next(key.end()) : key;
        if (!key.is(Kind.IDENT) || !eq.is(Kind.OP) || !eq.text().equals("=")) {
          shape = false;
          break;
        }
        int v = lexer.skipWhitespace(eq.end());
        Token value;
        if (v < lexer.end() && text.charAt(v) == '"') {
          value = lexer.string(v);
        } else {
          int i = v;
          while (i < lexer.end() && (Lexical.isWordChar(text.charAt(i)) && text.charAt(i) != ':')) {
            i++;
          }
          if (i == v) {
            shape = false;
            break;
          }
          value = new Token(Kind.IDENT, text.substring(v, i), v, i, text.substring(v, i));
        }
        pairs.add(new Token[] {key, value});
        Token next = lexer.next(value.end());
        if (next.is(Kind.COMMA)) {
          p = next.end();
        } else if (next.is(Kind.RPAREN) && lexer.next(next.end()).is(Kind.COLON)) {
          advanceTo(lexer.next(next.end()).end());
          break;
        } else {
          shape = false;
        }
      }
    } catch (QuerySyntaxException notAPreamble) {
      // Text the token reader refuses: not a preamble; the term parser reports it in its own words.
      shape = false;
    }
    if (!shape) {
      pos = save;
      lastEnd = saveEnd;
      dropLookahead();
      return;
    }
    for (Token[] pair : pairs) {
      Token key = pair[0];
      Token value = pair[1];
      if (!key.text().equals("edge_type")) {
        throw new QuerySyntaxException(ErrorCode.UNKNOWN_PREAMBLE_PROPERTY,
            "unknown query preamble property '" + key.text() + "'; the only one is edge_type, as in (edge_type=delete): ...",
            text, key.offset(), key.end() - key.offset(), List.of("'edge_type'"));
      }
      List<EdgeType> types = new ArrayList<>();
      for (String label : value.value().split(",", -1)) {
        types.add(EdgeType.fromLabel(label.strip()).orElseThrow(() -> new QuerySyntaxException(
            ErrorCode.UNKNOWN_EDGE_TYPE, "unknown edge type '" + label.strip() + "' in edge_type",
            text, value.offset(), value.end() - value.offset(), edgeTypeNames())));
      }
      defaultEdgeTypes = List.copyOf(types);
    }
  }

  // part := [term [with_clause]] ["#" tag] [sort] [limit] ["reversed"] [navigation]
  // A missing term means all. As in Fix Inventory a with(...) follows the term; "term and with(...)"
  // is read the same.
  private Part part() {
    rejectWithUsage();
    Optional<Term> term = Optional.empty();
    List<MergeQuery> merges = List.of();
    Optional<Term> postFilter = Optional.empty();
    boolean reversedFirst = atReversedFlag();
    if (!reversedFirst && atTermStart()) {
      int start = peek().offset();
      term = Optional.of(term());
      if (peek().is(Kind.LBRACE)) {
        merges = merges();
        if (atTermStart() && !atReversedFlag()) {
          start = peek().offset();
          postFilter = Optional.of(term());
        }
      }
      if (atWithCall()) {
        WithClause with = withClause();
        if (merges.isEmpty()) {
          term = Optional.of(record(new And(List.of(term.get(), with)), start));
        } else {
          postFilter = Optional.of(postFilter.isEmpty() ? with : record(new And(List.of(postFilter.get(), with)), start));
        }
      }
    }
    Optional<String> tag = Optional.empty();
    if (!reversedFirst && at(Kind.HASH, "'#'")) {
      Token hash = consume();
      int end = hash.end();
      while (end < lexer.end() && isTagChar(text.charAt(end))) {
        end++;
      }
      String name = text.substring(hash.end(), end);
      if (!Part.isTagName(name)) {
        throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
            "expected a tag name of A-Z a-z 0-9 _ - right after '#'", text, hash.offset(), 1, List.of("a tag name"));
      }
      advanceTo(end);
      tag = Optional.of(name);
    }
    List<Sort> sort = !reversedFirst && atKeyword("sort") ? sort() : List.of();
    Optional<Limit> limit = !reversedFirst && atKeyword("limit") ? Optional.of(limit()) : Optional.empty();
    boolean reversed = false;
    if (atKeyword("reversed")) {
      consume();
      reversed = true;
    }
    Optional<Navigation> navigation = atNavigationStart() ? Optional.of(navigation()) : Optional.empty();
    if (term.isEmpty() && sort.isEmpty() && limit.isEmpty() && navigation.isEmpty() && tag.isEmpty() && !reversed) {
      throw unexpected();
    }
    return new Part(term, sort, limit, navigation, tag, reversed, merges, postFilter);
  }

  // merges := "{" merge { "," merge } "}"      merge := name ["[]"] ":" query
  // name := ["/"] word { "." word }; the query starts with a navigation from the node.
  private List<MergeQuery> merges() {
    expect(Kind.LBRACE, "'{'");
    List<MergeQuery> out = new ArrayList<>();
    do {
      int at = lexer.skipWhitespace(pos);
      int end = at;
      while (end < lexer.end() && (Lexical.isWordChar(text.charAt(end)) || text.charAt(end) == '.'
          || (end == at && text.charAt(end) == '/')) && text.charAt(end) != ':') {
        end++;
      }
      String name = text.substring(at, end);
      if (!MergeQuery.isName(name)) {
        throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
            "expected the name of a merged value (dotted names, as in 'instance_type' or 'ancestors.account')",
            text, at, Math.max(1, end - at), List.of("a merge name"));
      }
      advanceTo(end);
      boolean list = false;
      if (peek().is(Kind.LBRACKET)) {
        consume();
        expect(Kind.RBRACKET, "']'");
        list = true;
      }
      expect(Kind.COLON, "':'");
      int queryStart = peek().offset();
      if (atKeyword("aggregate")) {
        throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
            "an aggregate inside a merge block is not supported yet; aggregate the search instead",
            text, queryStart, peek().end() - queryStart, List.of("a navigation"));
      }
      if (!atNavigationStart() && !(atKeyword("all") && isNavigationAfterAll())) {
        throw new QuerySyntaxException(ErrorCode.UNEXPECTED_TOKEN,
            "a merge query starts with a navigation from the node, as in '" + name + ": <-- is(account)'",
            text, queryStart, Math.max(1, peek().end() - queryStart), List.of("a navigation"));
      }
      out.add(new MergeQuery(name, list, query()));
    } while (peek().is(Kind.COMMA) && consume() != null);
    expect(Kind.RBRACE, "'}'");
    return List.copyOf(out);
  }

  private boolean isNavigationAfterAll() {
    int save = pos;
    int saveEnd = lastEnd;
    consume();
    boolean nav = atNavigationStart();
    pos = save;
    lastEnd = saveEnd;
    dropLookahead();
    return nav;
  }

  private static boolean isTagChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /** {@code reversed} at the start of a part is the flag when a navigation or the end follows, else a property. */
  private boolean atReversedFlag() {
    if (!peek().isKeyword("reversed")) {
      return false;
    }
    Token next = peek2();
    return next.is(Kind.MINUS) || next.is(Kind.ARROW_LEFT) || next.is(Kind.EOF);
  }

  /** {@code with_usage(...)} filters on usage metrics, which this inventory does not keep. */
  private void rejectWithUsage() {
    Token t = peek();
    if (t.isKeyword("with_usage") && peek2().is(Kind.LPAREN)) {
      throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE,
          "with_usage(...) needs usage metrics, which this inventory does not keep",
          text, t.offset(), t.end() - t.offset(), List.of());
    }
  }

  // term     := or_term
  // or_term  := and_term { "or" and_term }
  // and_term := unary { "and" unary }
  // Read as one loop: 'and' and 'or' mixed at one level is an error that shows both readings
  // because Fix Inventory reads them left to right and a cleanup query must never
  // silently mean something else.
  Term term() {
    enter();
    int start = peek().offset();
    List<Term> operands = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    List<Token> operators = new ArrayList<>();
    int operandStart = peek().offset();
    operands.add(unary());
    spans.add(new Span(operandStart, lastEnd - operandStart));
    while (atKeyword("and") | atKeyword("or")) {
      operators.add(consume());
      operandStart = peek().offset();
      operands.add(unary());
      spans.add(new Span(operandStart, lastEnd - operandStart));
    }
    leave();
    if (operators.isEmpty()) {
      return operands.get(0);
    }
    String first = operators.get(0).text();
    for (Token op : operators) {
      if (!op.text().equals(first)) {
        throw ambiguous(op, operators, spans);
      }
    }
    Term t = first.equals("and") ? new And(operands) : new Or(operands);
    return record(t, start);
  }

  // unary := "not" unary | "(" term ")" | leaf
  private Term unary() {
    Token t = peek();
    if (t.isKeyword("not")) {
      consume();
      enter();
      Term inner = unary();
      leave();
      return record(new Not(inner), t.offset());
    }
    if (t.is(Kind.LPAREN)) {
      consume();
      Term inner = term();
      expect(Kind.RPAREN, "')'");
      return inner;
    }
    return leaf();
  }

  // leaf := "all" | is_term | id_term | predicate | context | with_clause | fulltext
  private Term leaf() {
    Token t = peek();
    if (t.isKeyword("all")) {
      consume();
      return record(new AllTerm(), t.offset());
    }
    if ((t.isKeyword("is") || t.isKeyword("id")) && peek2().is(Kind.LPAREN)) {
      return t.isKeyword("is") ? isTerm() : idTerm();
    }
    if (t.isKeyword("with")) {
      return withClause();
    }
    rejectWithUsage();
    if (t.is(Kind.IDENT) && peek2().is(Kind.LPAREN)) {
      Optional<FunctionTerm.Function> function = FunctionTerm.Function.fromKeyword(t.text());
      if (function.isPresent()) {
        return functionTerm(function.get());
      }
    }
    if (t.is(Kind.STRING)) {
      consume();
      return record(new FullText(t.value()), t.offset());
    }
    if (isPathStart(t)) {
      Path path = path();
      if (peek().is(Kind.DOT) && peek2().is(Kind.LBRACE)) {
        return context(path, t.offset());
      }
      return predicate(path, t.offset());
    }
    expected.add("a term");
    throw unexpected();
  }

  // is_term := "is" "(" names ")"        names := name {"," name} | "[" name {"," name} "]"
  private Term isTerm() {
    int start = consume().offset();
    expect(Kind.LPAREN, "'('");
    boolean bracket = at(Kind.LBRACKET, "'['");
    if (bracket) {
      consume();
    }
    List<String> kinds = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    do {
      Token name = peek();
      if (!(at(Kind.IDENT, "a kind name") | at(Kind.STRING, "a kind name"))) {
        throw unexpected();
      }
      consume();
      if (name.value().isEmpty()) {
        throw new QuerySyntaxException(ErrorCode.EMPTY_NAME, "a kind name is not empty",
            text, name.offset(), name.end() - name.offset(), List.of("a kind name"));
      }
      kinds.add(name.value());
      spans.add(new Span(name.offset(), name.end() - name.offset()));
    } while (acceptComma());
    if (bracket) {
      expect(Kind.RBRACKET, "']'");
    }
    expect(Kind.RPAREN, "')'");
    IsTerm term = new IsTerm(kinds);
    sourceMap.putKinds(term, spans);
    return record(term, start);
  }

  // id_term := "id" "(" ids ")"          ids := id {"," id} | "[" id {"," id} "]"
  // id      := double-quoted string | unquoted word
  private Term idTerm() {
    int start = consume().offset();
    expect(Kind.LPAREN, "'('");
    boolean bracket = at(Kind.LBRACKET, "'['");
    if (bracket) {
      consume();
    }
    List<String> ids = new ArrayList<>();
    do {
      ids.add(rawWordOrString("an id"));
    } while (acceptComma());
    if (bracket) {
      expect(Kind.RBRACKET, "']'");
    }
    expect(Kind.RPAREN, "')'");
    return record(new IdTerm(ids), start);
  }

  // function := ("has_key" | "in_subnet" | "has_desired_change") "(" path { "," value } ")"
  private Term functionTerm(FunctionTerm.Function function) {
    Token name = consume();
    expect(Kind.LPAREN, "'('");
    if (!atPathStart()) {
      throw unexpected();
    }
    Path path = path();
    List<Value> arguments = new ArrayList<>();
    while (acceptComma()) {
      arguments.add(value());
    }
    expect(Kind.RPAREN, "')'");
    return record(new FunctionTerm(function, path, arguments), name.offset());
  }

  // with_clause := "with" "(" ("empty" | "any" | "count" op int) "," navigation [term] [with_clause] ")"
  private WithClause withClause() {
    enter();
    int start = consume().offset();
    expect(Kind.LPAREN, "'('");
    WithCondition condition;
    if (atKeyword("empty")) {
      consume();
      condition = WithCondition.empty();
    } else if (atKeyword("any")) {
      consume();
      condition = WithCondition.any();
    } else if (atKeyword("count")) {
      consume();
      Token op = peek();
      Optional<Operator> operator = op.is(Kind.OP) ? Operator.fromSymbol(op.text()) : Optional.empty();
      if (operator.isEmpty() || !operator.get().isComparison()) {
        expected.addAll(List.of("'=='", "'!='", "'<'", "'<='", "'>'", "'>='"));
        throw unexpected();
      }
      consume();
      condition = WithCondition.count(operator.get(), integer());
    } else {
      throw unexpected();
    }
    expect(Kind.COMMA, "','");
    if (!atNavigationStart()) {
      throw unexpected();
    }
    Navigation navigation = navigation();
    Optional<Term> term = Optional.empty();
    Optional<WithClause> nested = Optional.empty();
    // A with(...) right after the navigation is the nested clause, not the term.
    if (!atWithCall()) {
      if (atTermStart()) {
        term = Optional.of(term());
      }
    }
    if (atWithCall()) {
      nested = Optional.of(withClause());
    }
    expect(Kind.RPAREN, "')'");
    leave();
    return record(new WithClause(condition, navigation, term, nested), start);
  }

  // context := path "." "{" term "}"          all inner predicates hold for one array element
  private Term context(Path path, int start) {
    expect(Kind.DOT, "'.'");
    expect(Kind.LBRACE, "'{'");
    enter();
    Term inner = term();
    leave();
    expect(Kind.RBRACE, "'}'");
    return record(new ContextTerm(path, inner), start);
  }

  // predicate := path [ "all" | "any" | "none" ] op value
  private Term predicate(Path path, int start) {
    Optional<ArrayModifier> modifier = Optional.empty();
    if (atKeyword("all") | atKeyword("any") | atKeyword("none")) {
      modifier = Optional.of(ArrayModifier.valueOf(consume().text().toUpperCase(Locale.ROOT)));
    }
    Operator operator = operator();
    int valueStart = lexer.skipWhitespace(pos);
    Value value = value();
    if (operator.takesList() && !(value instanceof ListValue)) {
      throw new QuerySyntaxException(ErrorCode.LIST_EXPECTED,
          "expected a list such as [a, b] after '" + operator.symbol() + "'",
          text, valueStart, lastEnd - valueStart, List.of("'['"));
    }
    return record(new Predicate(path, modifier, operator, value), start);
  }

  // op := "==" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "=~" | "!~" | "in" | "not in"
  private Operator operator() {
    Token t = peek();
    if (t.is(Kind.ARROW_LEFT)) {
      // "last_rotated<-90d": '<' and the value -90d, as Fix Inventory reads it.
      advanceTo(t.offset() + 1);
      return Operator.LT;
    }
    if (at(Kind.OP, "an operator")) {
      consume();
      return Operator.fromSymbol(t.text()).orElseThrow();
    }
    if (atKeyword("in")) {
      consume();
      return Operator.IN;
    }
    if (t.isKeyword("not") && peek2().isKeyword("in")) {
      consume();
      consume();
      return Operator.NOT_IN;
    }
    expected.add("'not in'");
    throw unexpected();
  }

  // value := string | "[" [value {"," value}] "]" | word
  // word  := run of A-Z a-z 0-9 _ - : / .   read as true/false/null, number, duration, datetime or string
  // Values are read character by character: "-3d" or "2024-01-01T00:00:00Z" are single values
  // here, while elsewhere '-' starts a navigation.
  private Value value() {
    dropLookahead();
    int start = lexer.skipWhitespace(pos);
    if (start >= lexer.end()) {
      pos = start;
      expected.add("a value");
      throw unexpected();
    }
    char c = text.charAt(start);
    Value v;
    if (c == '"' || c == '\'') {
      // Single quotes are ours: Fix Inventory's shell strips them before its parser sees them.
      Token s = lexer.string(start, c);
      advanceTo(s.end());
      v = StringValue.of(s.value());
    } else if (c == '{') {
      v = object(start);
    } else if (c == '[') {
      enter();
      advanceTo(start + 1);
      List<Value> values = new ArrayList<>();
      int p = lexer.skipWhitespace(pos);
      if (p < lexer.end() && text.charAt(p) == ']') {
        advanceTo(p + 1);
      } else {
        while (true) {
          values.add(value());
          p = lexer.skipWhitespace(pos);
          if (p < lexer.end() && text.charAt(p) == ',') {
            advanceTo(p + 1);
          } else if (p < lexer.end() && text.charAt(p) == ']') {
            advanceTo(p + 1);
            break;
          } else {
            expected.addAll(List.of("','", "']'"));
            throw unexpected();
          }
        }
      }
      leave();
      v = new ListValue(values);
    } else if (Lexical.isWordChar(c)) {
      v = Lexical.classifyWord(word(start));
    } else {
      pos = start;
      expected.add("a value");
      throw unexpected();
    }
    sourceMap.put(v, new Span(start, lastEnd - start));
    return v;
  }

  // object := "{" [key ":" value {"," key ":" value}] "}"        key := string | name
  private Value object(int start) {
    enter();
    advanceTo(start + 1);
    Map<String, Value> entries = new LinkedHashMap<>();
    int p = lexer.skipWhitespace(pos);
    if (p < lexer.end() && text.charAt(p) == '}') {
      advanceTo(p + 1);
    } else {
      while (true) {
        p = lexer.skipWhitespace(pos);
        String key;
        if (p < lexer.end() && text.charAt(p) == '"') {
          key = lexer.string(p).value();
          advanceTo(lexer.string(p).end());
        } else {
          int i = p;
          while (i < lexer.end() && isTagChar(text.charAt(i))) {
            i++;
          }
          if (i == p) {
            dropLookahead();
            pos = p;
            expected.add("a key");
            throw unexpected();
          }
          key = text.substring(p, i);
          advanceTo(i);
        }
        expect(Kind.COLON, "':'");
        entries.put(key, value());
        p = lexer.skipWhitespace(pos);
        if (p < lexer.end() && text.charAt(p) == ',') {
          advanceTo(p + 1);
        } else if (p < lexer.end() && text.charAt(p) == '}') {
          advanceTo(p + 1);
          break;
        } else {
          dropLookahead();
          pos = p;
          expected.addAll(List.of("','", "'}'"));
          throw unexpected();
        }
      }
    }
    leave();
    return new ObjectValue(entries);
  }

  /** An unquoted word at {@code start}; it must end at white space, a bracket, a comma or the end. */
  private String word(int start) {
    int i = start;
    while (i < lexer.end() && Lexical.isWordChar(text.charAt(i))) {
      i++;
    }
    if (i < lexer.end() && "()[]{},".indexOf(text.charAt(i)) < 0 && !Character.isWhitespace(text.charAt(i))) {
      int cp = text.codePointAt(i);
      throw new QuerySyntaxException(ErrorCode.INVALID_UNQUOTED_VALUE,
          Lexer.describeChar(cp) + " is not allowed in an unquoted value; put the value in double quotes",
          text, i, Character.charCount(cp), List.of());
    }
    advanceTo(i);
    return text.substring(start, i);
  }

  private String rawWordOrString(String what) {
    dropLookahead();
    int start = lexer.skipWhitespace(pos);
    if (start < lexer.end() && text.charAt(start) == '"') {
      Token s = lexer.string(start);
      advanceTo(s.end());
      return s.value();
    }
    if (start < lexer.end() && Lexical.isWordChar(text.charAt(start))) {
      return word(start);
    }
    pos = start;
    expected.add(what);
    throw unexpected();
  }

  // path    := ["/" section "."] segment { "." segment }
  // section := "reported" | "desired" | "metadata" | ("ancestors" | "descendants") "." kind
  Path path() {
    Token first = peek();
    int start = first.offset();
    Path path;
    if (first.is(Kind.SLASH)) {
      consume();
      Token name = peek();
      if (!name.is(Kind.IDENT) || name.offset() != first.end()) {
        throw new QuerySyntaxException(ErrorCode.EXPECTED_PROPERTY_NAME,
            "expected a property name after '/'", text, first.offset(), 1, sectionNames());
      }
      consume();
      Section section = Section.fromKeyword(name.text()).orElseThrow(() -> new QuerySyntaxException(
          ErrorCode.UNKNOWN_SECTION, "unknown section '" + name.text() + "'",
          text, name.offset(), name.end() - name.offset(), sectionNames()));
      Optional<String> kind = Optional.empty();
      Span kindSpan = null;
      if (section.takesKind()) {
        Token k = nameAfterDot(start, "a kind name");
        kind = Optional.of(k.value());
        kindSpan = new Span(k.offset(), k.end() - k.offset());
      }
      List<Segment> segments = new ArrayList<>();
      segments.add(segmentIndex(nameAfterDot(start, "a property name")));
      segments.addAll(moreSegments());
      path = new Path(section, kind, segments);
      if (kindSpan != null) {
        sourceMap.putKinds(path, List.of(kindSpan));
      }
    } else {
      if (!(at(Kind.IDENT, "a property name") | at(Kind.BACKTICK, "a property name"))) {
        throw unexpected();
      }
      List<Segment> segments = new ArrayList<>();
      segments.add(segmentIndex(consume()));
      segments.addAll(moreSegments());
      path = shorthand(segments, first);
    }
    sourceMap.put(path, new Span(start, lastEnd - start));
    return path;
  }

  /** Consumes {@code .name} written without spaces, for the parts of a {@code /section.} prefix. */
  private Token nameAfterDot(int pathStart, String what) {
    Token dot = peek();
    String sofar = text.substring(pathStart, lastEnd);
    if ((!dot.is(Kind.DOT) || dot.offset() != lastEnd) && WHOLE_SECTION.matcher(sofar).matches()
        && COMPARISON_AHEAD.matcher(text.substring(lastEnd)).lookingAt()) {
      throw new QuerySyntaxException(ErrorCode.UNSUPPORTED_FEATURE, "comparing a whole section (" + sofar
          + ") is not supported yet: compare one of its properties, such as " + sofar + "."
          + (sofar.equals("/desired") ? "clean" : sofar.equals("/metadata") ? "protected" : "name"),
          text, pathStart, lastEnd - pathStart, List.of("'.'"));
    }
    if (!dot.is(Kind.DOT) || dot.offset() != lastEnd) {
      throw new QuerySyntaxException(ErrorCode.EXPECTED_PROPERTY_NAME,
          "expected '.' and " + what + " after '" + text.substring(pathStart, lastEnd) + "'",
          text, dot.offset(), dot.end() - dot.offset(), List.of("'.'"));
    }
    Token name = peek2();
    if (!(name.is(Kind.IDENT) || name.is(Kind.BACKTICK)) || name.offset() != dot.end()) {
      throw new QuerySyntaxException(ErrorCode.EXPECTED_PROPERTY_NAME,
          "expected " + what + " after '.'", text, dot.offset(), 1, List.of(what));
    }
    consume();
    return consume();
  }

  // { "." segment }     a '.' followed by '{' starts a context term instead
  private List<Segment> moreSegments() {
    List<Segment> out = new ArrayList<>();
    while (peek().is(Kind.DOT) && peek().offset() == lastEnd) {
      Token dot = peek();
      Token next = peek2();
      if (next.is(Kind.LBRACE)) {
        break;
      }
      if (!(next.is(Kind.IDENT) || next.is(Kind.BACKTICK)) || next.offset() != dot.end()) {
        throw new QuerySyntaxException(ErrorCode.EXPECTED_PROPERTY_NAME,
            "expected a property name after '.'", text, dot.offset(), 1, List.of("a property name"));
      }
      consume();
      out.add(segmentIndex(consume()));
    }
    return out;
  }

  // segment := (name | "`" text "`") ["[" (int | "*" | "") "]"]
  private Segment segmentIndex(Token name) {
    Optional<Index> index = Optional.empty();
    if (peek().is(Kind.LBRACKET) && peek().offset() == name.end()) {
      consume();
      if (peek().is(Kind.STAR)) {
        consume();
        index = Optional.of(Index.any());
      } else if (peek().is(Kind.RBRACKET)) {
        index = Optional.of(Index.any()); // a[] is a[*]
      } else if (peek().is(Kind.INT)) {
        index = Optional.of(Index.at(integer()));
      } else {
        expected.addAll(List.of("'*'", "']'", "an array position"));
        throw unexpected();
      }
      expect(Kind.RBRACKET, "']'");
    }
    return new Segment(name.value(), index);
  }

  /** {@code account} means {@code /ancestors.account.reported.name}; {@code account.x} its {@code reported.x}. */
  private Path shorthand(List<Segment> segments, Token first) {
    Segment head = segments.get(0);
    if (!Path.SHORTHAND_KINDS.contains(head.name()) || head.index().isPresent()) {
      return new Path(Section.REPORTED, Optional.empty(), segments);
    }
    List<Segment> rest = new ArrayList<>();
    rest.add(Segment.of("reported"));
    if (segments.size() == 1) {
      rest.add(Segment.of("name"));
    } else {
      rest.addAll(segments.subList(1, segments.size()));
    }
    Path path = new Path(Section.ANCESTORS, Optional.of(head.name()), rest);
    sourceMap.putKinds(path, List.of(new Span(first.offset(), first.end() - first.offset())));
    return path;
  }

  // sort := "sort" path ["asc"|"desc"] { "," path ["asc"|"desc"] }
  private List<Sort> sort() {
    consume();
    return sortKeys();
  }

  // sort_keys := path ["asc"|"desc"] { "," path ["asc"|"desc"] }     also the arguments of '| sort'
  List<Sort> sortKeys() {
    List<Sort> keys = new ArrayList<>();
    do {
      if (!atPathStart()) {
        throw unexpected();
      }
      Path path = path();
      Sort.Order order = Sort.Order.ASC;
      if (atKeyword("asc") | atKeyword("desc")) {
        order = consume().text().equals("asc") ? Sort.Order.ASC : Sort.Order.DESC;
      }
      keys.add(new Sort(path, order));
    } while (acceptComma());
    return keys;
  }

  // limit := "limit" int ["," int]          "limit N" or "limit offset, N"
  private Limit limit() {
    consume();
    return limitArguments();
  }

  // limit_arguments := int ["," int]     also the arguments of '| limit'
  Limit limitArguments() {
    int first = integer();
    if (acceptComma()) {
      return new Limit(first, integer());
    }
    return Limit.of(first);
  }

  // navigation := "-" spec "->" | "<-" spec "-" | "<-" spec2 "->"
  // spec  := [types] [range] ["{" edge_filter "}"] [types]     types before or after the range, not both
  // spec2 := [in_types] [range] ["{" edge_filter "}"] [out_types]
  // range := "[" int [(":" | "," | "..") [int]] "]"
  private Navigation navigation() {
    Token open = consume();
    glued = null;
    List<EdgeType> before = peek().is(Kind.IDENT) ? edgeTypes() : null;
    if (glued != null && (peek().is(Kind.LBRACKET) || peek().is(Kind.LBRACE))) {
      throw unknownEdgeType(gluedToken);
    }
    int start = 1;
    OptionalInt end = OptionalInt.of(1);
    if (at(Kind.LBRACKET, "'['")) {
      int rangeStart = consume().offset();
      start = integer();
      end = OptionalInt.of(start);
      boolean separator = false;
      if (peek().is(Kind.COLON) || peek().is(Kind.COMMA)) {
        consume();
        separator = true;
      } else if (peek().is(Kind.DOT) && peek2().is(Kind.DOT) && peek2().offset() == peek().end()) {
        consume();
        consume();
        separator = true;
      } else {
        expected.addAll(List.of("':'", "','", "'..'"));
      }
      if (separator) {
        end = at(Kind.INT, "a number") ? OptionalInt.of(integer()) : OptionalInt.empty();
      }
      expect(Kind.RBRACKET, "']'");
      if (end.isPresent() && end.getAsInt() < start) {
        throw new QuerySyntaxException(ErrorCode.INVALID_RANGE,
            "a navigation range ends at or after its start: [" + start + ":" + end.getAsInt() + "]",
            text, rangeStart, lastEnd - rangeStart, List.of());
      }
    }
    Optional<Term> filter = Optional.empty();
    if (at(Kind.LBRACE, "'{'")) {
      Token brace = consume();
      enter();
      Term f = term();
      leave();
      expect(Kind.RBRACE, "'}'");
      checkEdgeFilter(f, brace.offset());
      filter = Optional.of(f);
    }
    Token afterStart = peek();
    List<EdgeType> after = null;
    EdgeType gluedBefore = glued;
    glued = null;
    if (gluedBefore != null) {
      after = List.of(gluedBefore);
    } else if (afterStart.is(Kind.IDENT)) {
      after = edgeTypes();
      if (glued != null) {
        throw unknownEdgeType(gluedToken);
      }
    } else {
      expected.add("an edge type");
    }
    Navigation.Direction direction;
    if (open.is(Kind.MINUS)) {
      expect(Kind.ARROW_RIGHT, "'->'");
      direction = Navigation.Direction.OUT;
    } else if (at(Kind.MINUS, "'-'")) {
      consume();
      direction = Navigation.Direction.IN;
    } else if (at(Kind.ARROW_RIGHT, "'->'")) {
      consume();
      direction = Navigation.Direction.INOUT;
    } else {
      throw unexpected();
    }
    List<EdgeType> types;
    List<EdgeType> outTypes = List.of();
    if (direction == Navigation.Direction.INOUT) {
      // As in Fix Inventory: the types after the range are the outward ones only.
      types = before == null ? defaultEdgeTypes : before;
      outTypes = after == null ? List.of() : after;
    } else {
      if (before != null && after != null) {
        throw new QuerySyntaxException(ErrorCode.EDGE_TYPES_TWICE,
            "edge types stand before or after the range of a navigation, not both",
            text, afterStart.offset(), lastEnd - afterStart.offset(), List.of());
      }
      types = before != null ? before : after != null ? after : defaultEdgeTypes;
    }
    Navigation n = new Navigation(direction, types, start, end, outTypes, filter);
    sourceMap.put(n, new Span(open.offset(), lastEnd - open.offset()));
    return n;
  }

  /** Edges have properties but no kind, id or text: an edge filter holds predicates, contexts, not and all. */
  private void checkEdgeFilter(Term t, int at) {
    if (t instanceof IsTerm || t instanceof IdTerm || t instanceof FullText || t instanceof WithClause
        || t instanceof FunctionTerm) {
      Span span = sourceMap.span(t).orElse(new Span(at, 1));
      throw new QuerySyntaxException(ErrorCode.INVALID_EDGE_FILTER,
          "an edge filter tests edge properties with predicates, context terms, not and all; "
              + text.substring(span.offset(), span.end()).strip() + " cannot test an edge",
          text, span.offset(), span.length(), List.of());
    }
    if (t instanceof And a) {
      a.terms().forEach(x -> checkEdgeFilter(x, at));
    } else if (t instanceof Or o) {
      o.terms().forEach(x -> checkEdgeFilter(x, at));
    } else if (t instanceof Not n) {
      checkEdgeFilter(n.term(), at);
    }
  }

  // types := type {"," type}          type := "default" | "delete" | "iam"
  private List<EdgeType> edgeTypes() {
    List<EdgeType> types = new ArrayList<>();
    do {
      Token t = peek();
      if (!at(Kind.IDENT, "an edge type")) {
        throw unexpected();
      }
      consume();
      Optional<EdgeType> type = EdgeType.fromLabel(t.text());
      if (type.isPresent()) {
        types.add(type.get());
      } else {
        // "<-defaultdelete->": Fix Inventory reads the inward and the outward type without anything
        // between them; the last name of a list may be two glued together.
        Optional<EdgeType[]> pair = gluedPair(t.text());
        if (pair.isEmpty() || peek().is(Kind.COMMA)) {
          throw unknownEdgeType(t);
        }
        types.add(pair.get()[0]);
        glued = pair.get()[1];
        gluedToken = t;
      }
    } while (glued == null && acceptComma());
    return types;
  }

  private static Optional<EdgeType[]> gluedPair(String text) {
    for (EdgeType first : EdgeType.values()) {
      if (text.startsWith(first.label())) {
        Optional<EdgeType> second = EdgeType.fromLabel(text.substring(first.label().length()));
        if (second.isPresent()) {
          return Optional.of(new EdgeType[] {first, second.get()});
        }
      }
    }
    return Optional.empty();
  }

  private QuerySyntaxException unknownEdgeType(Token t) {
    return new QuerySyntaxException(ErrorCode.UNKNOWN_EDGE_TYPE, "unknown edge type '" + t.text() + "'",
        text, t.offset(), t.end() - t.offset(), edgeTypeNames());
  }

  // int := digits        fits an int
  private int integer() {
    Token t = peek();
    if (!at(Kind.INT, "a number")) {
      throw unexpected();
    }
    consume();
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw new QuerySyntaxException(ErrorCode.NUMBER_OUT_OF_RANGE,
          "number " + t.describe() + " is too large; at most " + Integer.MAX_VALUE,
          text, t.offset(), t.end() - t.offset(), List.of());
    }
  }

  /** Fails unless everything up to the end was read. */
  void expectEnd() {
    if (!at(Kind.EOF, "the end of the query")) {
      Token t = peek();
      throw new QuerySyntaxException(ErrorCode.TRAILING_INPUT,
          "expected " + describe(expected) + ", found " + t.describe(),
          text, t.offset(), t.end() - t.offset(), expected);
    }
  }

  // ---------------------------------------------------------------- token helpers

  private boolean atPartStart() {
    return atTermStart() | at(Kind.HASH, "'#'") | atKeyword("sort") | atKeyword("limit") | atKeyword("reversed")
        | atNavigationStart();
  }

  private boolean atTermStart() {
    Token t = peek();
    boolean yes = t.is(Kind.LPAREN) || t.is(Kind.STRING) || isPathStart(t)
        || t.isKeyword("not") || t.isKeyword("all") || t.isKeyword("with");
    if (!yes) {
      expected.add("a term");
    }
    return yes;
  }

  private boolean atPathStart() {
    boolean yes = isPathStart(peek());
    if (!yes) {
      expected.add("a property name");
    }
    return yes;
  }

  private static boolean isPathStart(Token t) {
    return t.is(Kind.SLASH) || t.is(Kind.BACKTICK) || (t.is(Kind.IDENT) && !Lexical.RESERVED.contains(t.text()));
  }

  private boolean atNavigationStart() {
    Token t = peek();
    boolean yes = t.is(Kind.MINUS) || t.is(Kind.ARROW_LEFT);
    if (!yes) {
      expected.add("a navigation");
    }
    return yes;
  }

  private boolean atWithCall() {
    boolean yes = peek().isKeyword("with") && peek2().is(Kind.LPAREN);
    if (!yes) {
      expected.add("'with'");
    }
    return yes;
  }

  private boolean acceptComma() {
    if (at(Kind.COMMA, "','")) {
      consume();
      return true;
    }
    return false;
  }

  private boolean at(Kind kind, String description) {
    if (peek().is(kind)) {
      return true;
    }
    expected.add(description);
    return false;
  }

  private boolean atKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      return true;
    }
    expected.add("'" + keyword + "'");
    return false;
  }

  private Token expect(Kind kind, String description) {
    if (!at(kind, description)) {
      throw unexpected();
    }
    return consume();
  }

  Token peek() {
    if (la0 == null) {
      la0 = lexer.next(pos);
    }
    return la0;
  }

  private Token peek2() {
    if (la1 == null) {
      la1 = lexer.next(peek().end());
    }
    return la1;
  }

  private Token consume() {
    Token t = peek();
    pos = t.end();
    lastEnd = t.end();
    la0 = la1;
    la1 = null;
    expected.clear();
    return t;
  }

  private void dropLookahead() {
    la0 = null;
    la1 = null;
  }

  private void advanceTo(int p) {
    pos = p;
    lastEnd = p;
    dropLookahead();
    expected.clear();
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      Token t = peek();
      throw new QuerySyntaxException(ErrorCode.NESTING_TOO_DEEP,
          "nesting deeper than " + MAX_DEPTH + " levels", text, t.offset(), t.end() - t.offset(), List.of());
    }
  }

  private void leave() {
    depth--;
  }

  private <T extends Term> T record(T term, int start) {
    sourceMap.put(term, new Span(start, Math.max(0, lastEnd - start)));
    return term;
  }

  QuerySyntaxException unexpected() {
    Token t = peek();
    String reason = expected.isEmpty()
        ? "unexpected " + t.describe()
        : "expected " + describe(expected) + ", found " + t.describe();
    return new QuerySyntaxException(t.is(Kind.EOF) ? ErrorCode.UNEXPECTED_END : ErrorCode.UNEXPECTED_TOKEN,
        reason, text, t.offset(), t.end() - t.offset(), expected);
  }

  private QuerySyntaxException ambiguous(Token at, List<Token> operators, List<Span> spans) {
    List<String> operands = new ArrayList<>();
    for (Span s : spans) {
      operands.add(text.substring(s.offset(), s.end()).strip().replaceAll("\\s+", " "));
    }
    String andFirst = reading(operands, operators, "or");
    String orFirst = reading(operands, operators, "and");
    return new QuerySyntaxException(ErrorCode.AMBIGUOUS_AND_OR,
        "'and' and 'or' mixed without parentheses; write '" + andFirst + "' or '" + orFirst + "'",
        text, at.offset(), at.end() - at.offset(), List.of());
  }

  /** The operands grouped at each {@code outer} operator, groups in parentheses. */
  private static String reading(List<String> operands, List<Token> operators, String outer) {
    String inner = outer.equals("or") ? "and" : "or";
    List<List<String>> groups = new ArrayList<>();
    List<String> group = new ArrayList<>(List.of(operands.get(0)));
    for (int i = 0; i < operators.size(); i++) {
      if (operators.get(i).text().equals(outer)) {
        groups.add(group);
        group = new ArrayList<>();
      }
      group.add(operands.get(i + 1));
    }
    groups.add(group);
    List<String> parts = new ArrayList<>();
    for (List<String> g : groups) {
      String joined = String.join(" " + inner + " ", g);
      parts.add(g.size() > 1 ? "(" + joined + ")" : joined);
    }
    return String.join(" " + outer + " ", parts);
  }

  private static String describe(Set<String> expected) {
    if (expected.size() == 1) {
      return expected.iterator().next();
    }
    return "one of " + String.join(", ", expected);
  }

  private static List<String> sectionNames() {
    return Arrays.stream(Section.values()).map(s -> "'" + s.keyword() + "'").toList();
  }

  private static List<String> edgeTypeNames() {
    return Arrays.stream(EdgeType.values()).map(t -> "'" + t.label() + "'").toList();
  }
}
