package dev.inventory.query.ast;

import dev.inventory.EdgeType;
import dev.inventory.Values;
import dev.inventory.query.internal.Lexical;
import java.math.BigDecimal;
import java.util.List;
import java.util.StringJoiner;

/**
 * Canonical query text for every AST node. The rules here mirror the parser exactly: whatever
 * could be read back differently is quoted, backticked or parenthesised.
 */
final class Printer {
  private Printer() {}

  static String print(Query q) {
    StringJoiner out = new StringJoiner(" ");
    q.parts().forEach(p -> out.add(print(p)));
    return out.toString();
  }

  static String print(Part p) {
    StringJoiner out = new StringJoiner(" ");
    // Before a merge block a with(...) keeps its "and": Fix Inventory reads it only after the block.
    p.term().ifPresent(t -> out.add(p.merges().isEmpty() ? partTerm(t) : print(t)));
    if (!p.merges().isEmpty()) {
      StringJoiner merges = new StringJoiner(", ", "{", "}");
      p.merges().forEach(m -> merges.add(print(m)));
      out.add(merges.toString());
    }
    p.postFilter().ifPresent(t -> out.add(partTerm(t)));
    p.tag().ifPresent(tag -> out.add("#" + tag));
    if (!p.sort().isEmpty()) {
      StringJoiner sorts = new StringJoiner(", ", "sort ", "");
      p.sort().forEach(s -> sorts.add(print(s)));
      out.add(sorts.toString());
    }
    p.limit().ifPresent(l -> out.add(print(l)));
    if (p.reversed()) {
      out.add("reversed");
    }
    p.navigation().ifPresent(n -> out.add(print(n)));
    return out.toString();
  }

  /**
   * The term of a part, a {@code with(...)} that is its last {@code and} operand in Fix Inventory's
   * place: after the rest of the term, without the {@code and}.
   */
  private static String partTerm(Term t) {
    if (t instanceof And a && a.terms().get(a.terms().size() - 1) instanceof WithClause w) {
      List<Term> rest = a.terms().subList(0, a.terms().size() - 1);
      Term before = rest.size() == 1 ? rest.get(0) : new And(rest);
      if (before instanceof WithClause) {
        // "with(...) with(...)" would not read back; keep the and.
        return print(t);
      }
      return print(before) + " " + print(w);
    }
    return print(t);
  }

  static String print(MergeQuery m) {
    return m.name() + (m.list() ? "[]" : "") + ": " + print(m.query());
  }

  static String print(Sort s) {
    return s.order() == Sort.Order.DESC ? print(s.path()) + " desc" : print(s.path());
  }

  static String print(Limit l) {
    return l.offset() == 0 ? "limit " + l.count() : "limit " + l.offset() + ", " + l.count();
  }

  static String print(Navigation n) {
    StringBuilder spec = new StringBuilder();
    boolean twoWayTypes = !n.outEdgeTypes().isEmpty();
    // With separate outward types the inward ones are always written: "<-[1]delete->" walks
    // inward along default edges.
    if (twoWayTypes || !n.edgeTypes().equals(List.of(EdgeType.DEFAULT))) {
      spec.append(edgeTypes(n.edgeTypes()));
    }
    boolean defaultRange = n.start() == 1 && n.end().isPresent() && n.end().getAsInt() == 1;
    if (twoWayTypes) {
      // The range separates the inward from the outward types, so it is always written.
      spec.append('[').append(n.start()).append(':');
      n.end().ifPresent(spec::append);
      spec.append(']');
    } else if (!defaultRange) {
      spec.append('[').append(n.start());
      if (n.end().isEmpty()) {
        spec.append(':');
      } else if (n.end().getAsInt() != n.start()) {
        spec.append(':').append(n.end().getAsInt());
      }
      spec.append(']');
    }
    n.edgeFilter().ifPresent(f -> spec.append('{').append(print(f)).append('}'));
    if (twoWayTypes) {
      spec.append(edgeTypes(n.outEdgeTypes()));
    }
    return switch (n.direction()) {
      case OUT -> "-" + spec + "->";
      case IN -> "<-" + spec + "-";
      case INOUT -> "<-" + spec + "->";
    };
  }

  private static String edgeTypes(List<EdgeType> types) {
    StringJoiner out = new StringJoiner(",");
    types.forEach(t -> out.add(t.label()));
    return out.toString();
  }

  static String print(Term t) {
    StringBuilder out = new StringBuilder();
    term(t, out);
    return out.toString();
  }

  private static void term(Term t, StringBuilder out) {
    if (t instanceof AllTerm) {
      out.append("all");
    } else if (t instanceof IsTerm is) {
      StringJoiner kinds = new StringJoiner(", ", "is(", ")");
      is.kinds().forEach(k -> kinds.add(Lexical.isIdentifier(k) ? k : Lexical.quote(k)));
      out.append(kinds);
    } else if (t instanceof IdTerm id) {
      StringJoiner ids = new StringJoiner(", ", "id(", ")");
      id.ids().forEach(i -> ids.add(Lexical.isWord(i) ? i : Lexical.quote(i)));
      out.append(ids);
    } else if (t instanceof FunctionTerm f) {
      out.append(f.function().keyword()).append('(').append(print(f.path()));
      f.arguments().forEach(a -> out.append(", ").append(print(a)));
      out.append(')');
    } else if (t instanceof Predicate p) {
      out.append(print(p.path()));
      p.modifier().ifPresent(m -> out.append(' ').append(m.keyword()));
      out.append(' ').append(p.operator().symbol()).append(' ').append(print(p.value()));
    } else if (t instanceof ContextTerm c) {
      out.append(print(c.path())).append(".{");
      term(c.term(), out);
      out.append('}');
    } else if (t instanceof WithClause w) {
      out.append("with(").append(w.condition()).append(", ").append(print(w.navigation()));
      w.term().ifPresent(inner -> {
        out.append(' ');
        // A with(...) right after the navigation would be read as the nested clause.
        if (startsWithWith(inner)) {
          out.append('(');
          term(inner, out);
          out.append(')');
        } else {
          term(inner, out);
        }
      });
      w.nested().ifPresent(n -> {
        out.append(' ');
        term(n, out);
      });
      out.append(')');
    } else if (t instanceof FullText f) {
      out.append(Lexical.quote(f.text()));
    } else if (t instanceof And a) {
      joined(a.terms(), " and ", Or.class, out);
    } else if (t instanceof Or o) {
      joined(o.terms(), " or ", And.class, out);
    } else if (t instanceof Not n) {
      out.append("not ");
      if (n.term() instanceof And || n.term() instanceof Or) {
        out.append('(');
        term(n.term(), out);
        out.append(')');
      } else {
        term(n.term(), out);
      }
    } else {
      throw new IllegalStateException("unknown term " + t.getClass());
    }
  }

  private static void joined(List<Term> terms, String op, Class<?> parenthesise, StringBuilder out) {
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        out.append(op);
      }
      Term t = terms.get(i);
      if (parenthesise.isInstance(t)) {
        out.append('(');
        term(t, out);
        out.append(')');
      } else {
        term(t, out);
      }
    }
  }

  private static boolean startsWithWith(Term t) {
    if (t instanceof WithClause) {
      return true;
    }
    if (t instanceof And a) {
      return startsWithWith(a.terms().get(0));
    }
    if (t instanceof Or o) {
      return startsWithWith(o.terms().get(0));
    }
    return false;
  }

  static String print(Path p) {
    StringBuilder out = new StringBuilder();
    List<Segment> segments = p.segments();
    switch (p.section()) {
      case REPORTED -> {
        String first = segments.get(0).name();
        if (Lexical.RESERVED.contains(first) || Path.SHORTHAND_KINDS.contains(first)) {
          out.append("/reported.");
        }
        segments(segments, out);
      }
      case ANCESTORS -> {
        String kind = p.kind().orElseThrow();
        if (Path.SHORTHAND_KINDS.contains(kind)
            && segments.size() >= 2
            && segments.get(0).equals(Segment.of("reported"))) {
          out.append(kind);
          List<Segment> rest = segments.subList(1, segments.size());
          if (!rest.equals(List.of(Segment.of("name")))) {
            out.append('.');
            segments(rest, out);
          }
        } else {
          out.append("/ancestors.").append(name(kind)).append('.');
          segments(segments, out);
        }
      }
      case DESCENDANTS -> {
        out.append("/descendants.").append(name(p.kind().orElseThrow())).append('.');
        segments(segments, out);
      }
      default -> {
        out.append('/').append(p.section().keyword()).append('.');
        segments(segments, out);
      }
    }
    return out.toString();
  }

  private static void segments(List<Segment> segments, StringBuilder out) {
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        out.append('.');
      }
      out.append(segment(segments.get(i)));
    }
  }

  static String segment(Segment s) {
    return name(s.name()) + s.index().map(Object::toString).orElse("");
  }

  private static String name(String name) {
    return Lexical.isIdentifier(name) ? name : "`" + name + "`";
  }

  static String print(Value v) {
    if (v instanceof StringValue s) {
      String text = s.value();
      return Lexical.isWord(text) && Lexical.classifyWord(text).equals(s) ? text : Lexical.quote(text);
    }
    if (v instanceof NumberValue n) {
      if (n.number() instanceof Long l) {
        return l.toString();
      }
      String plain = BigDecimal.valueOf(n.number().doubleValue()).toPlainString();
      // Without a '.' the parser would read a long.
      return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }
    if (v instanceof BoolValue b) {
      return Boolean.toString(b.value());
    }
    if (v instanceof NullValue) {
      return "null";
    }
    if (v instanceof ListValue l) {
      StringJoiner out = new StringJoiner(", ", "[", "]");
      l.values().forEach(e -> out.add(print(e)));
      return out.toString();
    }
    if (v instanceof ObjectValue o) {
      // No space after a comma: Fix Inventory's object reader wants the next key right there.
      StringJoiner out = new StringJoiner(",", "{", "}");
      o.entries().forEach((k, e) -> out.add(Lexical.quote(k) + ": " + print(e)));
      return out.toString();
    }
    if (v instanceof DurationValue d) {
      return d.text();
    }
    if (v instanceof DateTimeValue d) {
      return Values.format(d.instant());
    }
    throw new IllegalStateException("unknown value " + v.getClass());
  }
}
