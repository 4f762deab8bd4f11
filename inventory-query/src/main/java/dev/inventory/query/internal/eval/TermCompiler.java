package dev.inventory.query.internal.eval;

import dev.inventory.query.ast.AllTerm;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.ContextTerm;
import dev.inventory.query.ast.FullText;
import dev.inventory.query.ast.FunctionTerm;
import dev.inventory.query.ast.IdTerm;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.ListValue;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.NullValue;
import dev.inventory.query.ast.Operator;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Section;
import dev.inventory.query.ast.StringValue;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.Value;
import dev.inventory.query.ast.WithClause;
import dev.inventory.query.ast.WithCondition;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.Parsed;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.query.parse.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles terms into {@link Cond}s; errors (a bad regular expression) point into the source. */
final class TermCompiler {
  private final Optional<Parsed<?>> source;
  private final String fallbackText;

  TermCompiler(Optional<Parsed<?>> source, String fallbackText) {
    this.source = source;
    this.fallbackText = fallbackText;
  }

  Cond compile(Term t) {
    if (t instanceof AllTerm) {
      return Cond.ALL;
    }
    if (t instanceof IsTerm is) {
      List<String> kinds = is.kinds();
      return (run, node, element) -> {
        String kind = run.node(node).kind();
        for (String k : kinds) {
          if (run.kinds.isSubkind(kind, k)) {
            return true;
          }
        }
        return false;
      };
    }
    if (t instanceof IdTerm id) {
      Set<String> ids = Set.copyOf(id.ids());
      return (run, node, element) -> ids.contains(run.node(node).id());
    }
    if (t instanceof Predicate p) {
      return new PredicateCond(p, regex(p));
    }
    if (t instanceof FunctionTerm f) {
      return function(f);
    }
    if (t instanceof ContextTerm c) {
      PathReader path = new PathReader(c.path());
      Cond inner = compile(c.term());
      return (run, node, element) -> {
        for (Object v : path.read(run, node, element).values()) {
          if (v instanceof List<?> list) {
            for (Object e : list) {
              Object x = Scalars.normalize(e);
              if (x != null && inner.test(run, node, x)) {
                return true;
              }
            }
          } else if (inner.test(run, node, v)) {
            return true;
          }
        }
        return false;
      };
    }
    if (t instanceof WithClause w) {
      return with(w);
    }
    if (t instanceof FullText f) {
      String phrase = f.text().toLowerCase(Locale.ROOT);
      return (run, node, element) -> element == PathReader.NO_ELEMENT
          ? containsText(run.reported(node), phrase)
          : containsText(element, phrase);
    }
    if (t instanceof And a) {
      Cond[] parts = a.terms().stream().map(this::compile).toArray(Cond[]::new);
      return (run, node, element) -> {
        for (Cond c : parts) {
          if (!c.test(run, node, element)) {
            return false;
          }
        }
        return true;
      };
    }
    if (t instanceof Or o) {
      Cond[] parts = o.terms().stream().map(this::compile).toArray(Cond[]::new);
      return (run, node, element) -> {
        for (Cond c : parts) {
          if (c.test(run, node, element)) {
            return true;
          }
        }
        return false;
      };
    }
    if (t instanceof Not n) {
      Cond inner = compile(n.term());
      return (run, node, element) -> !inner.test(run, node, element);
    }
    throw new IllegalStateException("unknown term " + t.getClass().getName());
  }

  /** {@code has_key}, {@code in_subnet}, {@code has_desired_change} over the values the path reads. */
  private Cond function(FunctionTerm f) {
    Optional<String> problem = FunctionTerm.argumentProblem(f.function(), f.arguments());
    if (problem.isPresent()) {
      Optional<Span> span = source.flatMap(s -> s.sourceMap().span(f));
      String text = source.map(Parsed::text).orElse(fallbackText);
      throw new QuerySyntaxException(ErrorCode.INVALID_FUNCTION_ARGUMENT, problem.get(), text,
          span.map(Span::offset).orElse(0), span.map(Span::length).orElse(0), List.of());
    }
    PathReader path = new PathReader(f.path());
    switch (f.function()) {
      case HAS_KEY -> {
        Value arg = f.arguments().get(0);
        List<String> keys = arg instanceof ListValue l
            ? l.values().stream().map(v -> ((StringValue) v).value()).toList()
            : List.of(((StringValue) arg).value());
        return (run, node, element) -> {
          for (Object v : path.read(run, node, element).values()) {
            if (v instanceof Map<?, ?> m && m.keySet().containsAll(keys)) {
              return true;
            }
          }
          return false;
        };
      }
      case IN_SUBNET -> {
        FunctionTerm.Subnet subnet = FunctionTerm.Subnet.parse(((StringValue) f.arguments().get(0)).value()).orElseThrow();
        return (run, node, element) -> {
          for (Object v : path.read(run, node, element).values()) {
            if (v instanceof List<?> l) {
              for (Object e : l) {
                if (e instanceof String s && subnet.contains(s)) {
                  return true;
                }
              }
            } else if (v instanceof String s && subnet.contains(s)) {
              return true;
            }
          }
          return false;
        };
      }
      case HAS_DESIRED_CHANGE -> {
        PathReader desired = new PathReader(new Path(Section.DESIRED, Optional.empty(), f.path().segments()));
        PathReader reported = new PathReader(new Path(Section.REPORTED, Optional.empty(), f.path().segments()));
        return (run, node, element) -> {
          List<Object> wanted = desired.read(run, node, element).values();
          // Every node here has desired.clean, false when it is not marked, where a Fix Inventory
          // node has nothing: false counts as not set.
          if (wanted.isEmpty() || (wanted.size() == 1 && Boolean.FALSE.equals(wanted.get(0)))) {
            return false;
          }
          List<Object> is = reported.read(run, node, element).values();
          return wanted.size() != is.size() || !Scalars.equal(new ArrayList<>(wanted), new ArrayList<>(is));
        };
      }
      default -> throw new IllegalStateException("unknown function " + f.function());
    }
  }

  /** {@code with(condition, nav [term] [with(...)])}: counts what the walk reaches and keeps. */
  private Cond with(WithClause w) {
    Walker walker = new Walker(w.navigation());
    List<Cond> filters = new ArrayList<>();
    w.term().ifPresent(t -> filters.add(compile(t)));
    w.nested().ifPresent(n -> filters.add(compile(n)));
    WithCondition condition = w.condition();
    return (run, node, element) -> {
      BitSet reached = walker.walk(run.inventory, new int[] {node});
      int count = 0;
      for (int i = reached.nextSetBit(0); i >= 0; i = reached.nextSetBit(i + 1)) {
        boolean keep = true;
        for (Cond f : filters) {
          if (!f.test(run, i, PathReader.NO_ELEMENT)) {
            keep = false;
            break;
          }
        }
        if (keep) {
          count++;
          if (condition instanceof WithCondition.Any) {
            return true;
          }
          if (condition instanceof WithCondition.Empty) {
            return false;
          }
        }
      }
      if (condition instanceof WithCondition.Count c) {
        int d = Integer.compare(count, c.n());
        return switch (c.operator()) {
          case EQ -> d == 0;
          case NE -> d != 0;
          case LT -> d < 0;
          case LE -> d <= 0;
          case GT -> d > 0;
          case GE -> d >= 0;
          default -> false;
        };
      }
      return condition instanceof WithCondition.Empty;
    };
  }

  /**
   * Whether {@code t} holds on a document without properties, by the engine's null rules: a
   * predicate is true only as {@code == null}, {@code != value} or {@code !~ value}; a context term
   * finds no element.
   */
  static boolean holdsOnEmptyDocument(Term t) {
    if (t instanceof AllTerm) {
      return true;
    }
    if (t instanceof Predicate p) {
      boolean isNull = p.value() instanceof NullValue;
      return switch (p.operator()) {
        case EQ -> isNull;
        case NE, NOT_MATCHES -> !isNull;
        default -> false;
      };
    }
    if (t instanceof Not n) {
      return !holdsOnEmptyDocument(n.term());
    }
    if (t instanceof And a) {
      return a.terms().stream().allMatch(TermCompiler::holdsOnEmptyDocument);
    }
    if (t instanceof Or o) {
      return o.terms().stream().anyMatch(TermCompiler::holdsOnEmptyDocument);
    }
    return false;
  }

  private static boolean containsText(Object v, String phrase) {
    if (v instanceof String s) {
      return s.toLowerCase(Locale.ROOT).contains(phrase);
    }
    if (v instanceof Map<?, ?> m) {
      for (Object x : m.values()) {
        if (containsText(x, phrase)) {
          return true;
        }
      }
    } else if (v instanceof List<?> l) {
      for (Object x : l) {
        if (containsText(x, phrase)) {
          return true;
        }
      }
    }
    return false;
  }

  private Optional<Pattern> regex(Predicate p) {
    if (p.operator() != Operator.MATCHES && p.operator() != Operator.NOT_MATCHES) {
      return Optional.empty();
    }
    String pattern = p.value() instanceof StringValue s ? s.value() : p.value().toString();
    try {
      return Optional.of(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    } catch (PatternSyntaxException e) {
      String reason = "invalid regular expression " + StringValue.of(pattern) + ": " + e.getDescription();
      Optional<Span> span = source.flatMap(s -> s.sourceMap().span(p.value()));
      String text = source.map(Parsed::text).orElse(fallbackText);
      int offset = span.map(Span::offset).orElse(0);
      int length = span.map(Span::length).orElse(0);
      throw new QuerySyntaxException(ErrorCode.BAD_REGEX, reason, text, offset, length, List.of("a regular expression"));
    }
  }

  /**
   * The term without the {@code is(...)} that {@link #requiredKinds} returns, for a plan that takes
   * its candidates from the kind index: empty when nothing else is left to test.
   */
  static Optional<Term> withoutRequiredKinds(Term t) {
    if (t instanceof IsTerm) {
      return Optional.empty();
    }
    if (t instanceof And a) {
      List<Term> rest = new ArrayList<>(a.terms());
      for (int i = 0; i < rest.size(); i++) {
        if (rest.get(i) instanceof IsTerm) {
          rest.remove(i);
          break;
        }
      }
      if (rest.size() != a.terms().size()) {
        return Optional.of(rest.size() == 1 ? rest.get(0) : new And(rest));
      }
    }
    return Optional.of(t);
  }

  /** The kinds of an {@code is(...)} that the whole term requires, for the kind index. */
  static Optional<List<String>> requiredKinds(Term t) {
    if (t instanceof IsTerm is) {
      return Optional.of(is.kinds());
    }
    if (t instanceof And a) {
      for (Term x : a.terms()) {
        if (x instanceof IsTerm is) {
          return Optional.of(is.kinds());
        }
      }
    }
    return Optional.empty();
  }
}
