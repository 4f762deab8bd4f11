package dev.inventory.query.ast;

/**
 * One command of a text {@link Pipeline}: {@code search <query>} ({@link SearchCommand}) or a
 * command that works on its input ({@link PipeCommand}: {@code count}, {@code list}, {@code clean},
 * ...), each a record with its arguments parsed.
 *
 * <pre>{@code
 * Pipeline p = QueryParser.parseCommandLine("search is(access_key) | count name");
 * p.commands().get(1);   // new PipeCommand.Count(Optional.of(Path.reported("name"))), prints "count name"
 * }</pre>
 */
public sealed interface Command permits SearchCommand, PipeCommand {}
