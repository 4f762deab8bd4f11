package dev.inventory.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the shell's command lines come from: piped standard input, line by line. At a terminal the
 * shell uses {@link TerminalInput} instead, which edits lines, keeps a history and completes.
 */
class LineInput implements AutoCloseable {
  /** Standard input could not be read. */
  static final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final BufferedReader reader;
  private final PrintStream out;
  private final boolean prompt;

  LineInput(InputStream in, PrintStream out, boolean prompt) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.prompt = prompt;
  }

  /** Piped input: lines as they come, no prompt. */
  static LineInput plain(InputStream in, PrintStream out) {
    return new LineInput(in, out, false);
  }

  /** A prompt before each line, but no line editing: for a terminal that line editing cannot drive. */
  static LineInput prompting(InputStream in, PrintStream out) {
    return new LineInput(in, out, true);
  }

  /** The next line, or null at the end of input. */
  String readLine(String promptText) {
    if (prompt) {
      out.print(promptText);
      out.flush();
    }
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new InputException(e.getMessage(), e);
    }
  }

  /** Prints text that arrives while a line is read (a scheduled job's output), on its own lines. */
  void printAbove(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  @Override
  public void close() {
    // standard input belongs to the process: it stays open
  }
}
