package dev.inventory.query.ast;

/**
 * One command of a text {@link Pipeline}: {@code search <query>} ({@link SearchCommand}) or a
 * command that works on its input ({@link PipeCommand}: {@code count}, {@code list}, {@code clean},
 * ...). New commands are new {@link PipeCommand.Name}s, or new records here when they need a parsed
 * argument of their own.
 *
 * <pre>{@code
 * Pipeline p = QueryParser.parseCommandLine("search is(access_key) | count name");
 * p.commands().get(1);   // new PipeCommand(PipeCommand.Name.COUNT, "name"), prints "count name"
 * }</pre>
 */
public sealed interface Command permits SearchCommand, PipeCommand {}
