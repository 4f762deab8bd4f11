package dev.inventory.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shell at a real terminal: the built jar runs inside a pseudo-terminal made by util-linux's
 * {@code script}, and the test types at it as a person would, keystroke sequences included.
 */
class TerminalIT extends ShellJarTest {
  private static final Path SCRIPT = Path.of("/usr/bin/script");
  // The cursor keys as a terminal sends them once the line editor switched it to application mode.
  private static final String UP = "\033OA";
  private static final String TAB = "\t";
  private static final String ENTER = "\r";

  @Test
  void should_recall_history_with_the_up_arrow_complete_with_tab_and_keep_the_history_in_home() throws IOException {
    // GIVEN the shell in a pseudo-terminal
    assumeTrue(Files.isExecutable(SCRIPT), "util-linux's script is needed to give the shell a pseudo-terminal");
    try (Typist typist = Typist.start(dir)) {
      typist.waitFor(out -> out.contains("Type help for the commands"));

      // WHEN a search runs, then the up arrow and enter run it again
      typist.type("search is(user) | count" + ENTER);
      typist.waitFor(out -> occurrences(out, "total matched:") == 1);
      typist.type(UP + ENTER);

      // THEN the line came back from the history and ran a second time, with no escape reaching the parser
      String afterRecall = typist.waitFor(out -> occurrences(out, "total matched:") == 2);
      assertThat(afterRecall).doesNotContain("unknown command");

      // WHEN "workf" is completed with Tab and "list" typed after it
      typist.type("workf" + TAB + "list" + ENTER);

      // THEN the completed line is "workflow list"
      typist.waitFor(out -> out.contains("collect_and_cleanup"));
      typist.type("quit" + ENTER);
      assertThat(typist.exitCode()).isZero();
    }
    // AND the history file in the home directory holds the lines as they ran (a line run again
    // right after itself is kept once)
    Path history = dir.resolve(".inventory_history");
    assertThat(Files.readAllLines(history, StandardCharsets.UTF_8))
        .map(line -> line.substring(line.indexOf(':') + 1))
        .containsExactly("search is(user) | count", "workflow list", "quit");
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Types into the shell's pseudo-terminal and reads what it shows. */
  private static final class Typist implements AutoCloseable {
    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Typist(Process process) {
      this.process = process;
      this.keys = process.getOutputStream();
      Thread reader = new Thread(() -> copy(process.getInputStream()), "pty-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Typist start(Path home) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String jar = Path.of(System.getProperty("inventory.jar", "target/inventory.jar")).toAbsolutePath().toString();
      String command = quote(java) + " -Duser.home=" + quote(home.toString()) + " -jar " + quote(jar)
          + " --now " + ShellJar.NOW;
      ProcessBuilder b = new ProcessBuilder(List.of(SCRIPT.toString(), "-qfec", command, "/dev/null"))
          .directory(home.toFile()).redirectErrorStream(true);
      b.environment().put("HOME", home.toString());
      b.environment().put("TERM", "xterm");
      try {
        return new Typist(b.start());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void type(String text) {
      try {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits until the screen so far satisfies {@code until}; fails with the screen after 60 s. */
    String waitFor(Predicate<String> until) {
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < end) {
        String text = text();
        if (until.test(text)) {
          return text;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
      throw new AssertionError("the terminal did not show what was expected within 60 s; it shows:\n" + text());
    }

    int exitCode() {
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          throw new AssertionError("the shell did not leave within 60 s; the terminal shows:\n" + text());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return process.exitValue();
    }

    private String text() {
      synchronized (screen) {
        return screen.toString(StandardCharsets.UTF_8);
      }
    }

    private void copy(InputStream in) {
      byte[] buffer = new byte[4096];
      try {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          synchronized (screen) {
            screen.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // the pseudo-terminal closed: the shell has left
      }
    }

    private static String quote(String s) {
      return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
