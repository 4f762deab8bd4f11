package dev.inventory.examples.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the built shell jar ({@code target/inventory.jar}) as a separate process, as a user runs
 * it: real files, real exit codes, standard output and error captured.
 */
final class ShellJar {
  static final String NOW = "2026-05-01T00:00:00Z";
  static final String CLEAN_STALE_KEYS =
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]"
          + " | clean \"unused for 90 days\"";
  static final String MARK_STALE_KEY_OWNERS =
      "search is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci] | clean";
  static final String COUNT_MARKED = "search /desired.clean == true | count";
  // The user the state-file tests run as when the tests run as root: root may write any file.
  private static final int NOBODY = 65534;

  /** What one run printed and returned. */
  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private final Path jar;
  private final Path home;
  private final boolean asNobody;

  private ShellJar(Path jar, Path home, boolean asNobody) {
    this.jar = jar;
    this.home = home;
    this.asNobody = asNobody;
  }

  /** The jar run as the current user, with its home (history file) in {@code home}. */
  static ShellJar asCurrentUser(Path home) {
    return new ShellJar(jar(), home, false);
  }

  /**
   * The jar run as a user that is not root: as {@code nobody} through {@code setpriv} when the
   * tests run as root, else as the current user. {@code dir} (made by {@link #newDirectory}, so
   * its parents are open to every user) becomes that user's own, closed to everyone else.
   */
  static ShellJar asNonRoot(Path dir) {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
          "running as root without setpriv: cannot run the shell as a user that is not root");
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(dir, "unix:uid", NOBODY);
        Files.setAttribute(dir, "unix:gid", NOBODY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ShellJar(jar(), dir, root);
  }

  /** A fresh directory under the system temp directory that every user may traverse. */
  static Path newDirectory() {
    try {
      Path dir = Files.createTempDirectory("inventory-it-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("inventory.jar", "target/inventory.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the shell jar " + jar.toAbsolutePath()
          + " is not built: run the integration tests with mvn verify (after package)");
    }
    return jar.toAbsolutePath();
  }

  /** Runs the jar with these options and no standard input. */
  Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs the jar with these options, feeding {@code input} on standard input. */
  Result runWithInput(String input, String... args) {
    Process p = start(args);
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the shell may have stopped reading already; its exit code tells what happened
    }
    return finish(p, Duration.ofMinutes(2));
  }

  /**
   * Runs the jar with these options, writing {@code input} on standard input and keeping it open
   * until the output satisfies {@code until} (or the limit passes), then closing it.
   */
  Result runUntil(String input, Predicate<String> until, Duration limit, String... args) {
    Process p = start(args);
    Capture out = new Capture(p.getInputStream());
    Capture err = new Capture(p.getErrorStream());
    try {
      OutputStream stdin = p.getOutputStream();
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
      stdin.flush();
      long end = System.nanoTime() + limit.toNanos();
      while (!until.test(out.text()) && System.nanoTime() < end && p.isAlive()) {
        Thread.sleep(200);
      }
      stdin.close();
      if (!p.waitFor(1, TimeUnit.MINUTES)) {
        p.destroyForcibly();
      }
      return new Result(p.exitValue(), out.finish(), err.finish());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Process start(String... args) {
    List<String> command = new ArrayList<>();
    if (asNobody) {
      command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(Arrays.asList(args));
    ProcessBuilder b = new ProcessBuilder(command).directory(home.toFile());
    b.environment().put("HOME", home.toString());
    try {
      return b.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Result finish(Process p, Duration limit) {
    Capture out = new Capture(p.getInputStream());
    Capture err = new Capture(p.getErrorStream());
    try {
      if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the shell did not stop within " + limit + ":\n" + out.text() + err.text());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
    return new Result(p.exitValue(), out.finish(), err.finish());
  }

  /** Reads a stream on its own thread, so a full pipe never blocks the shell. */
  private static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    Capture(InputStream in) {
      thread = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (in) {
          for (int n; (n = in.read(buf)) >= 0; ) {
            synchronized (bytes) {
              bytes.write(buf, 0, n);
            }
          }
        } catch (IOException e) {
          // the process ended; what was read is kept
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    String finish() {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return text();
    }
  }
}
