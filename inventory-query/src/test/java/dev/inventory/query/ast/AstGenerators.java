package dev.inventory.query.ast;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.inventory.EdgeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of query ASTs, reusable by every test that needs random queries (round
 * trip, DSL parity, engine laws). Names and strings mix plain words with the awkward cases the
 * printer must quote, backtick or rewrite: keywords, shorthands, look-alikes of numbers, durations
 * and date-times, quotes, backslashes, pipes and line breaks.
 *
 * <pre>{@code
 * qt().forAll(AstGenerators.queries()).checkAssert(q -> ...);
 * }</pre>
 */
public final class AstGenerators {
  private static final List<String> WORDS = List.of(
      "name", "id", "is", "kind", "tags", "owner", "access_key", "user", "last_access", "age", "a", "b_c", "x-y",
      "all", "and", "or", "not", "with", "sort", "limit", "in", "any", "none", "asc", "desc", "empty", "count",
      "true", "null", "cloud", "account", "region", "reported", "desired", "ancestors", "reversed", "has_key",
      "in_subnet", "has_desired_change", "with_usage", "iam", "edge_type");
  private static final List<String> ODD_STRINGS = List.of(
      "", " ", "a b", "owner:team", "90days", "-3d", "1.5h", "42", "-7", "3.25", "2024-01-01T00:00:00Z",
      "2024-01-01", "foo.*", "say \"hi\"", "back\\slash", "a|b", "line\nbreak", "tab\there", "ünïcödé",
      "-->", "<--", "a,b", "[x]", "(y)", "{z}", "`tick`", "0000-01-01T00:00:00Z", "1ms", "arn:aws:iam::1:user/x");
  private static final List<String> DURATION_TEXTS = List.of(
      "90days", "3d", "1w", "2h30min", "1yr2mo", "1M", "5m", "10s", "1.5h", "-3d", "0s", "2weeks1day", "1year", "7d12h");

  private AstGenerators() {}

  /** Plain identifiers, including keywords. */
  public static Gen<String> identifiers() {
    Gen<String> generated = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
    return Generate.pick(WORDS).mix(generated, 40);
  }

  /** Any string: identifiers, awkward strings and random printable text. */
  public static Gen<String> anyStrings() {
    Gen<String> random = strings().basicLatinAlphabet().ofLengthBetween(0, 10);
    return identifiers().mix(Generate.pick(ODD_STRINGS), 50).mix(random, 30);
  }

  /** Names valid for a path segment or a kind: non-empty, without backticks or line breaks. */
  public static Gen<String> names() {
    // Mapped rather than filtered: QuickTheories gives up when too many examples fail an assumption.
    return anyStrings().map(s -> {
      String cleaned = s.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
      return cleaned.isEmpty() ? "_" : cleaned;
    });
  }

  public static Gen<Segment> segments() {
    Gen<Optional<Index>> index = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(6, Generate.constant(Optional.<Index>empty())),
        org.quicktheories.api.Pair.of(1, Generate.constant(Optional.<Index>of(Index.any()))),
        org.quicktheories.api.Pair.of(1, integers().between(0, 20).map(i -> Optional.<Index>of(Index.at(i))))));
    return names().zip(index, Segment::new);
  }

  public static Gen<Path> paths() {
    Gen<List<Segment>> segs = lists().of(segments()).ofSizeBetween(1, 3);
    Gen<Section> section = Generate.enumValues(Section.class);
    Gen<Path> any = section.zip(names(), segs, (s, kind, list) ->
        new Path(s, s.takesKind() ? Optional.of(kind) : Optional.empty(), list));
    Gen<Path> shorthand = Generate.pick(List.copyOf(Path.SHORTHAND_KINDS)).zip(segs, (k, list) -> {
      List<Segment> withSection = new ArrayList<>();
      withSection.add(Segment.of("reported"));
      withSection.addAll(list);
      return new Path(Section.ANCESTORS, Optional.of(k), withSection);
    });
    Gen<Path> reported = segs.map(list -> new Path(Section.REPORTED, Optional.empty(), list));
    return reported.mix(any, 40).mix(shorthand, 20);
  }

  public static Gen<Value> scalarValues() {
    Gen<Value> strings = anyStrings().map(s -> (Value) StringValue.of(s));
    Gen<Value> longs = longs().all().map(l -> (Value) NumberValue.of(l));
    Gen<Value> doubles = doubles().any().map(d -> (Value) NumberValue.of(Double.isFinite(d) ? d : 0.5));
    Gen<Value> bools = Generate.booleans().map(b -> (Value) BoolValue.of(b));
    Gen<Value> nulls = Generate.constant(() -> (Value) NullValue.of());
    Gen<Value> writtenDurations = Generate.pick(DURATION_TEXTS).map(t -> (Value) DurationValue.parse(t).orElseThrow());
    Gen<Value> builtDurations = longs().between(-100_000_000_000L, 100_000_000_000L)
        .zip(integers().between(0, 999_999_999), (s, n) -> (Value) DurationValue.of(Duration.ofSeconds(s, n)));
    long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    Gen<Value> datetimes = longs().between(min, max)
        .zip(Generate.pick(List.of(0, 0, 0, 500_000_000, 123_456_789)), (s, n) -> (Value) DateTimeValue.of(Instant.ofEpochSecond(s, n)));
    return strings.mix(longs, 15).mix(doubles, 10).mix(bools, 5).mix(nulls, 5)
        .mix(writtenDurations, 10).mix(builtDurations, 10).mix(datetimes, 10);
  }

  public static Gen<ListValue> listValues(int depth) {
    Gen<Value> element = depth <= 0 ? scalarValues() : scalarValues().mix(listValues(depth - 1).map(l -> (Value) l), 15);
    return lists().of(element).ofSizeBetween(0, 3).map(ListValue::new);
  }

  /** JSON objects of scalar, list and (to {@code depth}) object values. */
  public static Gen<ObjectValue> objectValues(int depth) {
    Gen<Value> element = depth <= 0
        ? scalarValues().mix(listValues(0).map(l -> (Value) l), 15)
        : scalarValues().mix(objectValues(depth - 1).map(o -> (Value) o), 20);
    Gen<Map.Entry<String, Value>> entry = anyStrings().zip(element, Map::entry);
    return lists().of(entry).ofSizeBetween(0, 3).map(entries -> {
      Map<String, Value> m = new LinkedHashMap<>();
      entries.forEach(e -> m.put(e.getKey(), e.getValue()));
      return new ObjectValue(m);
    });
  }

  public static Gen<Value> values() {
    Gen<Value> objects = objectValues(1).map(o -> (Value) o);
    Gen<Value> listsOfObjects = lists().of(objects).ofSizeBetween(1, 2).map(l -> (Value) new ListValue(l));
    return scalarValues().mix(listValues(1).map(l -> (Value) l), 15).mix(objects, 8).mix(listsOfObjects, 4);
  }

  public static Gen<Navigation> navigations() {
    Gen<List<EdgeType>> types = Generate.pick(List.of(
        List.of(EdgeType.DEFAULT), List.of(EdgeType.DELETE), List.of(EdgeType.DEFAULT, EdgeType.DELETE),
        List.of(EdgeType.DELETE, EdgeType.DEFAULT), List.of(EdgeType.IAM), List.of(EdgeType.IAM, EdgeType.DEFAULT)));
    Gen<List<EdgeType>> outTypes = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(3, Generate.constant(List.<EdgeType>of())),
        org.quicktheories.api.Pair.of(1, types)));
    Gen<int[]> range = integers().between(0, 5).zip(integers().between(-1, 4), (s, extra) -> new int[] {s, extra});
    Gen<Optional<Term>> filter = edgeFilters().toOptionals(80);
    Gen<Navigation> plain = Generate.enumValues(Navigation.Direction.class).zip(types, range, (d, t, r) ->
        new Navigation(d, t, r[0], r[1] < 0 ? OptionalInt.empty() : OptionalInt.of(r[0] + r[1])));
    return plain.zip(outTypes, filter, (n, out, f) -> new Navigation(n.direction(), n.edgeTypes(), n.start(), n.end(),
        n.direction() == Navigation.Direction.INOUT ? out : List.of(), f));
  }

  /** Terms Fix Inventory's grammar takes as an edge filter: predicates, contexts, not, all, and/or of them. */
  public static Gen<Term> edgeFilters() {
    Gen<Term> leaf = predicates().map(p -> (Term) p).mix(Generate.constant(() -> (Term) AllTerm.of()), 10);
    Gen<Term> not = leaf.map(t -> (Term) new Not(t));
    Gen<Term> context = paths().zip(leaf, (p, t) -> (Term) new ContextTerm(p, t));
    Gen<Term> and = lists().of(leaf).ofSizeBetween(2, 3).map(l -> (Term) new And(l));
    Gen<Term> or = lists().of(leaf).ofSizeBetween(2, 3).map(l -> (Term) new Or(l));
    return leaf.mix(not, 15).mix(context, 15).mix(and, 15).mix(or, 15);
  }

  /** Function terms with any values after the path, as the grammar takes them. */
  public static Gen<Term> functions() {
    return Generate.enumValues(FunctionTerm.Function.class).zip(paths(), lists().of(values()).ofSizeBetween(0, 2),
        (f, p, args) -> (Term) new FunctionTerm(f, p, args));
  }

  public static Gen<Predicate> predicates() {
    Gen<Optional<ArrayModifier>> modifier = Generate.enumValues(ArrayModifier.class).toOptionals(70) /* percent empty */;
    Gen<Operator> operator = Generate.enumValues(Operator.class);
    return paths().zip(modifier, operator, operator.flatMap(op -> op.takesList() ? listValues(1).map(l -> (Value) l) : values()),
        (p, m, op, v) -> new Predicate(p, m, op, op.takesList() && !(v instanceof ListValue) ? ListValue.of(v) : v));
  }

  public static Gen<Term> leaves() {
    Gen<Term> all = Generate.constant(() -> (Term) AllTerm.of());
    Gen<Term> is = lists().of(names()).ofSizeBetween(1, 3).map(k -> (Term) new IsTerm(k));
    Gen<Term> id = lists().of(anyStrings()).ofSizeBetween(1, 3).map(i -> (Term) new IdTerm(i));
    Gen<Term> fullText = anyStrings().map(s -> (Term) new FullText(s));
    Gen<Term> predicate = predicates().map(p -> (Term) p);
    return predicate.mix(is, 25).mix(all, 5).mix(id, 10).mix(fullText, 10).mix(functions(), 8);
  }

  /** Terms nested up to {@code depth} levels. */
  public static Gen<Term> terms(int depth) {
    if (depth <= 0) {
      return leaves();
    }
    Gen<Term> sub = terms(depth - 1);
    Gen<Term> and = lists().of(sub).ofSizeBetween(2, 3).map(l -> (Term) new And(l));
    Gen<Term> or = lists().of(sub).ofSizeBetween(2, 3).map(l -> (Term) new Or(l));
    Gen<Term> not = sub.map(t -> (Term) new Not(t));
    Gen<Term> context = paths().zip(sub, (p, t) -> (Term) new ContextTerm(p, t));
    Gen<Term> with = withClauses(depth - 1).map(w -> (Term) w);
    return leaves().mix(and, 20).mix(or, 20).mix(not, 10).mix(context, 10).mix(with, 10);
  }

  public static Gen<WithClause> withClauses(int depth) {
    Gen<WithCondition> condition = Generate.oneOf(
        Generate.constant(() -> (WithCondition) WithCondition.empty()),
        Generate.constant(() -> (WithCondition) WithCondition.any()),
        Generate.pick(List.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE))
            .zip(integers().between(0, 10), (op, n) -> (WithCondition) WithCondition.count(op, n)));
    Gen<Optional<Term>> term = terms(Math.max(0, depth - 1)).toOptionals(30);
    Gen<Optional<WithClause>> nested = depth <= 0
        ? Generate.constant(Optional.empty())
        : withClauses(depth - 1).toOptionals(75);
    return condition.zip(navigations(), term, nested, WithClause::new);
  }

  public static Gen<Sort> sorts() {
    return paths().zip(Generate.enumValues(Sort.Order.class), Sort::new);
  }

  public static Gen<Part> parts(boolean needsNavigation) {
    Gen<Optional<Term>> term = terms(3).toOptionals(15);
    Gen<List<Sort>> sort = Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(3, Generate.constant(List.<Sort>of())),
        org.quicktheories.api.Pair.of(1, lists().of(sorts()).ofSizeBetween(1, 2))));
    Gen<Optional<Limit>> limit = integers().between(0, 50).zip(integers().between(0, 50), Limit::new).toOptionals(75);
    Gen<Optional<Navigation>> navigation = needsNavigation
        ? navigations().map(Optional::of)
        : navigations().toOptionals(70);
    Gen<Optional<String>> tag = Generate.pick(List.of("t", "owners", "x-1", "9a", "with", "sort", "reversed"))
        .toOptionals(85);
    Gen<Boolean> reversed = Generate.booleans().zip(integers().between(0, 9), (b, i) -> b && i < 3);
    Gen<PartPieces> base = term.zip(sort, limit, navigation, PartPieces::new);
    Gen<Part> plain = base.zip(tag, reversed, (p, t, r) -> {
      if (p.term().isEmpty() && p.sort().isEmpty() && p.limit().isEmpty() && p.navigation().isEmpty()
          && t.isEmpty() && !r) {
        return Part.of(AllTerm.of());
      }
      return new Part(p.term(), p.sort(), p.limit(), p.navigation(), t, r);
    });
    Gen<Optional<MergeBlock>> merge = lists().of(mergeQueries()).ofSizeBetween(1, 2)
        .zip(terms(2).toOptionals(50), MergeBlock::new).toOptionals(15);
    return plain.zip(merge, (p, m) -> m.isEmpty()
        ? p
        : new Part(Optional.of(p.term().orElse(AllTerm.of())), p.sort(), p.limit(), p.navigation(), p.tag(),
            p.reversed(), m.get().merges(), m.get().post()));
  }

  private record MergeBlock(List<MergeQuery> merges, Optional<Term> post) {}

  /**
   * Merge entries: a name (dotted, possibly absolute), single or list, and a walk of one or two parts
   * that starts with a bare navigation.
   *
   * @return the generator
   */
  public static Gen<MergeQuery> mergeQueries() {
    Gen<String> name = Generate.pick(List.of("a", "instance_type", "ancestors.account", "/vpc", "foo.bar_1", "sort"));
    Gen<Part> start = navigations().zip(Generate.booleans(),
        (n, all) -> new Part(all ? Optional.of(AllTerm.of()) : Optional.empty(), List.of(), Optional.empty(),
            Optional.of(n)));
    Gen<Optional<Term>> target = terms(2).toOptionals(70);
    return name.zip(Generate.booleans(), start, target, (nm, list, s, t) -> new MergeQuery(nm, list,
        new Query(t.isEmpty() ? List.of(s) : List.of(s, new Part(t, List.of(), Optional.empty(), Optional.empty())))));
  }

  private record PartPieces(Optional<Term> term, List<Sort> sort, Optional<Limit> limit,
      Optional<Navigation> navigation) {}

  public static Gen<Query> queries() {
    return integers().between(1, 3).flatMap(n -> {
      Gen<List<Part>> first = lists().of(parts(true)).ofSize(n - 1);
      return first.zip(parts(false), (init, last) -> {
        List<Part> all = new ArrayList<>(init);
        all.add(last);
        return new Query(all);
      });
    });
  }

  private static final List<String> AGGREGATE_PATHS = List.of("volume_size", "kind", "name", "age", "tags.owner",
      "/ancestors.account.reported.name", "/metadata.protected", "a[0].b", "c[*]", "`odd name`.x", "/desired.clean");

  /** Paths for aggregates and templates: a fixed set covering sections, indexes and quoted names. */
  public static Gen<Path> simplePaths() {
    return Generate.pick(AGGREGATE_PATHS).map(dev.inventory.query.parse.QueryParser::parsePath);
  }

  /** Arithmetic over numbers and paths, at most three levels deep. */
  public static Gen<Aggregate.Expression> expressions() {
    return expressions(3);
  }

  private static Gen<Aggregate.Expression> expressions(int depth) {
    Gen<Aggregate.Expression> number = integers().between(-20, 200)
        .zip(integers().between(0, 2), (n, scale) -> (Aggregate.Expression) new Aggregate.Number(
            java.math.BigDecimal.valueOf(n, scale)));
    Gen<Aggregate.Expression> path = simplePaths().map(p -> (Aggregate.Expression) new Aggregate.PathValue(p));
    Gen<Aggregate.Expression> leaf = number.mix(path, 50);
    if (depth == 0) {
      return leaf;
    }
    Gen<Aggregate.Expression> binary = Generate.enumValues(Aggregate.Operator.class)
        .zip(expressions(depth - 1), expressions(depth - 1), (op, l, r) -> (Aggregate.Expression) new Aggregate.Binary(op, l, r));
    return leaf.mix(binary, 40);
  }

  /** Aggregates with 0 to 2 groups and 1 to 3 functions; names given with 'as' where defaults could clash. */
  public static Gen<Aggregate> aggregates() {
    Gen<List<Path>> groupPaths = lists().of(simplePaths()).ofSizeBetween(0, 2);
    Gen<List<Aggregate.Kind>> kinds = lists().of(Generate.enumValues(Aggregate.Kind.class)).ofSizeBetween(1, 3);
    Gen<List<Aggregate.Expression>> arguments = lists().of(expressions()).ofSize(3);
    return groupPaths.zip(kinds, arguments, Generate.booleans(), (paths, fns, args, named) -> {
      List<Aggregate.Group> groups = new ArrayList<>();
      for (int i = 0; i < paths.size(); i++) {
        groups.add(new Aggregate.Group(paths.get(i), i == 0 && !named ? Optional.empty() : Optional.of("g" + i)));
      }
      List<Aggregate.Function> functions = new ArrayList<>();
      for (int i = 0; i < fns.size(); i++) {
        functions.add(new Aggregate.Function(fns.get(i), args.get(i),
            i == 0 && !named ? Optional.empty() : Optional.of(i == 0 ? "count" : "f" + i)));
      }
      return new Aggregate(groups, functions);
    });
  }

  /** Templates alternating literal text and placeholders. */
  public static Gen<Template> templates() {
    Gen<String> text = Generate.pick(List.of("of", "-", " : ", "{", "}}", "a b", "=", "x{y}z"));
    return lists().of(text).ofSizeBetween(0, 3).zip(lists().of(simplePaths()).ofSize(4), Generate.booleans(),
        (texts, paths, valueFirst) -> {
          List<Template.Piece> pieces = new ArrayList<>();
          int p = 0;
          if (valueFirst || texts.isEmpty()) {
            pieces.add(new Template.Value(paths.get(p++)));
          }
          for (String t : texts) {
            String trimmed = pieces.isEmpty() ? t.strip() : t;
            pieces.add(new Template.Text(trimmed.isEmpty() ? "x" : trimmed));
            pieces.add(new Template.Value(paths.get(p++)));
          }
          return new Template(pieces);
        });
  }

  public static Gen<Command> pipeCommands() {
    Gen<Command> marks = Generate.pick(List.of(PipeCommand.Name.UNCLEAN, PipeCommand.Name.UNPROTECT))
        .map(n -> (Command) new PipeCommand.Mark(n, ""));
    Gen<Command> limit = integers().between(0, 50).zip(integers().between(0, 50),
        (o, n) -> (Command) new PipeCommand.LimitTo(new Limit(o, n)));
    Gen<Command> count = paths().map(p -> (Command) new PipeCommand.Count(Optional.of(p)))
        .mix(Generate.constant((Command) new PipeCommand.Count(Optional.empty())), 10);
    Gen<Command> head = integers().between(0, 500).map(n -> (Command) new PipeCommand.Head(n));
    Gen<Command> tail = integers().between(0, 500).map(n -> (Command) new PipeCommand.Tail(n));
    Gen<Command> sort = lists().of(sorts()).ofSizeBetween(1, 2).map(l -> (Command) new PipeCommand.SortBy(l));
    Gen<Command> clean = anyStrings().zip(Generate.booleans(), (s, protect) ->
        (Command) new PipeCommand.Mark(protect ? PipeCommand.Name.PROTECT : PipeCommand.Name.CLEAN, s));
    Gen<Column> column = simplePaths().zip(Generate.pick(List.of("", "n", "owner", "x-1")),
        (p, n) -> n.isEmpty() ? Column.of(p) : new Column(n, p));
    Gen<Command> list = Generate.enumValues(ListFormat.class).zip(lists().of(column).ofSizeBetween(0, 3),
        Generate.booleans(), (f, cs, d) -> (Command) new PipeCommand.Listing(f, cs, d));
    Gen<Command> walk = Generate.pick(List.of(PipeCommand.Name.PREDECESSORS, PipeCommand.Name.SUCCESSORS,
            PipeCommand.Name.ANCESTORS, PipeCommand.Name.DESCENDANTS))
        .zip(Generate.enumValues(EdgeType.class), Generate.booleans(), (n, t, o) -> (Command) new PipeCommand.Walk(n, t, o));
    Gen<Command> dump = Generate.constant((Command) new PipeCommand.Dump());
    Gen<Command> format = templates().map(t -> (Command) new PipeCommand.Format(t));
    Gen<Command> aggregate = aggregates().map(a -> (Command) new PipeCommand.AggregateBy(a));
    return marks.mix(count, 20).mix(head, 10).mix(tail, 5).mix(sort, 10).mix(limit, 10).mix(clean, 20)
        .mix(list, 10).mix(walk, 10).mix(dump, 3).mix(format, 10).mix(aggregate, 15);
  }

  /** A search with or without options and an aggregate preamble. */
  public static Gen<SearchCommand> searches() {
    Gen<Optional<Aggregate>> preamble = aggregates().map(Optional::of)
        .mix(Generate.constant(Optional.<Aggregate>empty()), 70);
    return queries().zip(preamble, Generate.booleans(), Generate.booleans(), SearchCommand::new);
  }

  public static Gen<Pipeline> pipelines() {
    return searches().zip(lists().of(pipeCommands()).ofSizeBetween(0, 3), (q, rest) -> {
      List<Command> all = new ArrayList<>();
      all.add(q);
      // an aggregate ends a line: nothing is parsed after it, so nothing is generated after it
      for (Command c : rest) {
        if (q.aggregate().isPresent() || all.get(all.size() - 1) instanceof PipeCommand.AggregateBy) {
          break;
        }
        all.add(c);
      }
      return new Pipeline(all);
    });
  }
}
