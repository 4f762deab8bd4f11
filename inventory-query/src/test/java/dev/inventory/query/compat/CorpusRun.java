package dev.inventory.query.compat;

import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.compat.FixCorpus.Entry;
import dev.inventory.query.compat.FixCorpus.Form;
import dev.inventory.query.compat.FixCorpus.Refusal;
import dev.inventory.query.command.Placeholders;
import dev.inventory.query.parse.QueryParser;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.inventory.query.parse.QuerySyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What our parser makes of one corpus line. Kinds are not looked up: {@link QueryParser} checks
 * syntax only, so Fix's kinds that this inventory does not model need no replacing here.
 *
 * @param entry the corpus line
 * @param status parsed, refused on purpose, or failing
 * @param error the syntax error, when there is one
 * @param ast the parsed query or pipeline, when it parsed
 */
record CorpusRun(Entry entry, Status status, Optional<QuerySyntaxException> error, Optional<Object> ast) {

  /** The three outcomes a line can have here. */
  enum Status {
    PARSES, REFUSED_ON_PURPOSE, FAILS
  }

  static CorpusRun of(Entry entry, Map<String, Refusal> refusals) {
    try {
      return new CorpusRun(entry, Status.PARSES, Optional.empty(), Optional.of(parse(entry.form(), entry.text())));
    } catch (QuerySyntaxException e) {
      boolean onPurpose = entry.features().stream()
          .map(refusals::get)
          .filter(Objects::nonNull)
          .anyMatch(r -> r.code().equals(e.code().name())
              && (r.mentions().isEmpty() || e.reason().contains(r.mentions())));
      return new CorpusRun(entry, onPurpose ? Status.REFUSED_ON_PURPOSE : Status.FAILS, Optional.of(e), Optional.empty());
    }
  }

  /** Parses a text of the given form: the query parser, or the command line parser (nothing runs). */
  static Object parse(Form form, String text) {
    if (form == Form.QUERY && text.startsWith("aggregate")) {
      // Fix's aggregate preamble lives on the search command here, not in the query.
      return QueryParser.parseSearch(text);
    }
    // A command line's placeholders (@UTC@, @NOW@, ...) are replaced before it is parsed, here as in
    // Fix's CLI and in Commands.execute.
    return form == Form.QUERY ? QueryParser.parse(text)
        : QueryParser.parseCommandLine(Placeholders.replace(text, PLACEHOLDER_TIME, ZoneOffset.UTC));
  }

  private static final Instant PLACEHOLDER_TIME = Instant.parse("2026-01-01T00:00:00Z");

  /** The text {@link #parse} reads back: a search command without its {@code search} word. */
  static String print(Object ast) {
    return ast instanceof SearchCommand s ? s.toString().substring("search ".length()) : ast.toString();
  }

  /** The error code, or {@code -} when the line parsed. */
  String code() {
    return error.map(e -> e.code().name()).orElse("-");
  }
}
