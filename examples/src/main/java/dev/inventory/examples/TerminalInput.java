package dev.inventory.examples;

import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Command lines read at a terminal through JLine: the arrow keys move in the line and through the
 * history (kept in {@code ~/.inventory_history}, so it outlives the shell), and Tab completes command
 * names, kind names and the property names of the known kinds. Ctrl-C drops the line being typed;
 * Ctrl-D at an empty prompt leaves.
 */
final class TerminalInput extends LineInput {
  /** The history file in the user's home directory. */
  static final String HISTORY_FILE = ".inventory_history";

  private final Terminal terminal;
  private final LineReader reader;

  private TerminalInput(Terminal terminal, LineReader reader, PrintStream out) {
    super(InputStreamNothing.INSTANCE, out, false);
    this.terminal = terminal;
    this.reader = reader;
  }

  /**
   * Line editing on the process's terminal, or plain prompted input where JLine finds no terminal it
   * can drive (a dumb terminal: then it would only echo what it reads).
   *
   * @param out where the shell prints
   * @param words what Tab completes
   * @return the input
   */
  static LineInput open(PrintStream out, Collection<String> words) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).dumb(false).build();
    } catch (IOException | IllegalStateException e) {
      return LineInput.prompting(System.in, out);
    }
    LineReader reader = LineReaderBuilder.builder()
        .appName("inventory")
        .terminal(terminal)
        .completer(new StringsCompleter(new TreeSet<>(words)))
        .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY_FILE))
        // a query contains ! and \ often (!= and regular expressions): no history expansion, no escapes
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    return new TerminalInput(terminal, reader, out);
  }

  /** What Tab completes: the commands, then the kinds and the property names of every known kind. */
  static List<String> completions(Collection<String> commands, KindRegistry kinds) {
    TreeSet<String> words = new TreeSet<>(commands);
    for (Kind kind : kinds.kinds()) {
      words.add(kind.name());
      words.addAll(kinds.properties(kind.name()).keySet());
    }
    return List.copyOf(words);
  }

  @Override
  String readLine(String promptText) {
    while (true) {
      try {
        return reader.readLine(promptText);
      } catch (UserInterruptException e) {
        // Ctrl-C: the line is dropped, the shell goes on
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  void printAbove(String text) {
    reader.printAbove(text);
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // the history could not be saved: the session's lines are lost, nothing else
    }
  }

  /** The plain reader's stream is never read here: JLine reads the terminal itself. */
  private static final class InputStreamNothing extends InputStream {
    static final InputStreamNothing INSTANCE = new InputStreamNothing();

    @Override
    public int read() {
      return -1;
    }
  }
}
