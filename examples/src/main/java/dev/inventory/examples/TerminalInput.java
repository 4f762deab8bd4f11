package dev.inventory.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Lines read at a terminal with JLine: arrow keys move in the line and recall the history (kept in
 * a file, {@code ~/.inventory_history} by default), tab completes command names, kinds and
 * property names; Ctrl-C drops the line, Ctrl-D leaves.
 */
final class TerminalInput extends LineInput {
  private final Terminal terminal;
  private final LineReader reader;

  private TerminalInput(Terminal terminal, Completion completion, Path history) {
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder()
        .appName("inventory")
        .terminal(terminal)
        .completer((r, line, candidates) -> {
          String upToCursor = line.line().substring(0, Math.min(line.cursor(), line.line().length()));
          for (String c : completion.candidates(upToCursor, line.word(), line.wordIndex() == 0)) {
            candidates.add(new Candidate(c, c, null, null, null, null, !c.endsWith("(")));
          }
        })
        .variable(LineReader.HISTORY_FILE, history)
        // '!' (as in !=) is query text, not a history expansion
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  /** The terminal the process runs in. */
  static TerminalInput system(Completion completion, Path history) {
    try {
      return new TerminalInput(TerminalBuilder.builder().system(true).build(), completion, history);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A terminal of type xterm over these streams, as a terminal emulator would drive it. */
  static TerminalInput over(InputStream in, OutputStream out, Completion completion, Path history) {
    try {
      Terminal t = TerminalBuilder.builder().system(false).streams(in, out).type("xterm").build();
      return new TerminalInput(t, completion, history);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the history is kept: {@code INVENTORY_HISTORY}, else {@code .inventory_history} in the home directory. */
  static Path historyFile() {
    String own = System.getenv("INVENTORY_HISTORY");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String home = System.getenv("HOME");
    return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".inventory_history");
  }

  @Override
  String readLine(String prompt) {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException e) {
        // Ctrl-C drops the line being typed, as in a shell
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
      // the history could not be saved: the session itself went through
    }
  }
}
