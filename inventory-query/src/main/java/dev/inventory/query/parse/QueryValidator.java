package dev.inventory.query.parse;

import dev.inventory.KindRegistry;
import dev.inventory.query.ast.And;
import dev.inventory.query.ast.Command;
import dev.inventory.query.ast.ContextTerm;
import dev.inventory.query.ast.FunctionTerm;
import dev.inventory.query.ast.IsTerm;
import dev.inventory.query.ast.Not;
import dev.inventory.query.ast.Or;
import dev.inventory.query.ast.Part;
import dev.inventory.query.ast.Path;
import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.ast.Predicate;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.ast.Term;
import dev.inventory.query.ast.WithClause;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Semantic checks of a parsed query that need more than the grammar. They throw {@link
 * QuerySyntaxException} pointing at the offending text, like syntax errors.
 *
 * <pre>{@code
 * QueryValidator.checkKinds(QueryParser.parseWithSource("is(acess_key)"), KindRegistry.standard());
 * // line 1:4: unknown kind 'acess_key'; did you mean 'access_key'?
 * // is(acess_key)
 * //    ^^^^^^^^^
 * }</pre>
 */
public final class QueryValidator {
  private static final int SUGGESTIONS = 3;

  private QueryValidator() {}

  /**
   * Checks that every kind named in {@code is(...)}, {@code /ancestors.<kind>} and {@code
   * /descendants.<kind>} is known to {@code kinds}.
   *
   * @param parsed a {@link Query} or {@link Pipeline} with its source
   * @throws QuerySyntaxException with {@link ErrorCode#UNKNOWN_KIND} for the first unknown kind; its
   *     expected set holds the closest known kinds
   */
  public static void checkKinds(Parsed<?> parsed, KindRegistry kinds) {
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(kinds, "kinds");
    new Check(parsed, kinds).value(parsed.value());
  }

  /**
   * {@link #checkKinds(Parsed, KindRegistry)} for a query without source (built with the DSL, for
   * example): errors point into its canonical text.
   */
  public static void checkKinds(Query query, KindRegistry kinds) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(kinds, "kinds");
    try {
      new Check(new Parsed<>("", query, new SourceMap()), kinds).value(query);
    } catch (QuerySyntaxException e) {
      // Only a query with an unknown kind is printed and parsed again, to point at the kind.
      checkKinds(QueryParser.parseWithSource(query.toString()), kinds);
      throw e;
    }
  }

  /** {@link #checkKinds(Query, KindRegistry)} for every search of a pipeline. */
  public static void checkKinds(Pipeline pipeline, KindRegistry kinds) {
    checkKinds(QueryParser.parseCommandLineWithSource(pipeline.toString()), kinds);
  }

  private record Check(Parsed<?> parsed, KindRegistry kinds) {
    void value(Object v) {
      if (v instanceof Query q) {
        query(q);
      } else if (v instanceof Pipeline p) {
        for (Command c : p.commands()) {
          if (c instanceof SearchCommand s) {
            query(s.query());
          }
        }
      } else {
        throw new IllegalArgumentException("expected a Query or a Pipeline, not " + v.getClass().getName());
      }
    }

    void query(Query q) {
      for (Part p : q.parts()) {
        p.term().ifPresent(this::term);
        p.sort().forEach(s -> path(s.path()));
        // A merge's walk names kinds like any query; the post-filter reads merge names, not kinds.
        p.merges().forEach(m -> query(m.query()));
      }
    }

    void term(Term t) {
      if (t instanceof IsTerm is) {
        List<Span> spans = parsed.sourceMap().kindSpans(is);
        for (int i = 0; i < is.kinds().size(); i++) {
          check(is.kinds().get(i), i < spans.size() ? Optional.of(spans.get(i)) : Optional.empty());
        }
      } else if (t instanceof Predicate p) {
        path(p.path());
      } else if (t instanceof FunctionTerm f) {
        path(f.path());
      } else if (t instanceof ContextTerm c) {
        path(c.path());
        term(c.term());
      } else if (t instanceof WithClause w) {
        w.term().ifPresent(this::term);
        w.nested().ifPresent(this::term);
      } else if (t instanceof Not n) {
        term(n.term());
      } else if (t instanceof And a) {
        a.terms().forEach(this::term);
      } else if (t instanceof Or o) {
        o.terms().forEach(this::term);
      }
    }

    void path(Path p) {
      p.kind().ifPresent(k -> check(k, parsed.sourceMap().kindSpan(p)));
    }

    void check(String kind, Optional<Span> span) {
      if (kinds.contains(kind)) {
        return;
      }
      List<String> close = kinds.closest(kind, SUGGESTIONS);
      String reason = "unknown kind '" + kind + "'";
      if (close.size() == 1) {
        reason += "; did you mean '" + close.get(0) + "'?";
      } else if (close.size() > 1) {
        reason += "; did you mean one of " + close.stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + "?";
      }
      Span s = span.orElse(new Span(0, 0));
      throw new QuerySyntaxException(ErrorCode.UNKNOWN_KIND, reason, parsed.text(), s.offset(), s.length(),
          close.stream().map(c -> "'" + c + "'").toList());
    }
  }
}
