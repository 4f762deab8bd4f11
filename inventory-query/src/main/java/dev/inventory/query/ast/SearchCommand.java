package dev.inventory.query.ast;

import java.util.Objects;

/**
 * {@code search <query>}.
 *
 * <pre>{@code
 * new SearchCommand(QueryParser.parse("is(user)")).toString();   // search is(user)
 * }</pre>
 */
public record SearchCommand(Query query) implements Command {
  public SearchCommand {
    Objects.requireNonNull(query, "query");
  }

  @Override
  public String toString() {
    return "search " + query;
  }
}
