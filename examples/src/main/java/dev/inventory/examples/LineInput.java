package dev.inventory.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the shell's command lines come from: piped standard input line by line ({@link #plain}),
 * or a terminal with line editing ({@link TerminalInput}).
 */
abstract class LineInput implements AutoCloseable {
  /** Standard input could not be read. */
  static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Piped input: lines as they come, no prompt, no editing. */
  static LineInput plain(InputStream in, PrintStream out) {
    return new Plain(in, out);
  }

  /** The next line, or null at the end of input; {@code prompt} is shown first where a person types. */
  abstract String readLine(String prompt);

  /** Prints text that arrives while a line is read (a scheduled job's output), on its own lines. */
  abstract void printAbove(String text);

  @Override
  public void close() {
    // standard input belongs to the process: it stays open
  }

  private static final class Plain extends LineInput {
    private final BufferedReader reader;
    private final PrintStream out;

    Plain(InputStream in, PrintStream out) {
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      this.out = out;
    }

    @Override
    String readLine(String prompt) {
      try {
        return reader.readLine();
      } catch (IOException e) {
        throw new InputException(e.getMessage(), e);
      }
    }

    @Override
    void printAbove(String text) {
      synchronized (out) {
        out.println(text);
        out.flush();
      }
    }
  }
}
