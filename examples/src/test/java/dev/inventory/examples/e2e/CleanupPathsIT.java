package dev.inventory.examples.e2e;

import static dev.inventory.examples.e2e.ShellJar.CLEAN_STALE_KEYS;
import static dev.inventory.examples.e2e.ShellJar.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.examples.e2e.ShellJar.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Every way the shell starts a cleanup (a {@code -c} line, a line on standard input, a workflow,
 * a job run by hand, a job run by the scheduler) obeys the one configuration: {@code cleanup:
 * false} changes nothing, and a plan over {@code cleanup_max_resources} is refused before any
 * cleaner is called. The shell's cleaners act on the state file, so an unchanged file shows that
 * no cleaner ran.
 */
class CleanupPathsIT extends ShellJarTest {
  private static final String DISABLED = "worker:\n  cleanup: false\n";
  private static final String CAPPED = "worker:\n  cleanup: true\n  cleanup_dry_run: false\n  cleanup_max_resources: 5\n";
  private static final String REAL_RUN = "cleanup run --no-dry-run";


  /** A state file with the 26 stale keys marked, and a config file; the run must leave the state as it is. */
  private final class Setup {
    final Path state;
    final Path config;
    final byte[] before;

    Setup(String name, String configText) throws IOException {
      state = dir.resolve(name + ".json");
      config = Files.writeString(dir.resolve(name + ".yaml"), configText);
      Result r = shell.run("--now", NOW, "--state", state.toString(), "-c", CLEAN_STALE_KEYS);
      assertThat(r.code()).as(r.toString()).isZero();
      before = Files.readAllBytes(state);
    }

    String[] options(String... more) {
      String[] base = {"--now", NOW, "--state", state.toString(), "--config", config.toString()};
      String[] all = new String[base.length + more.length];
      System.arraycopy(base, 0, all, 0, base.length);
      System.arraycopy(more, 0, all, base.length, more.length);
      return all;
    }

    void assertUnchanged() throws IOException {
      assertThat(Files.readAllBytes(state)).as("the state file " + state).isEqualTo(before);
    }
  }

  @Test
  void command_option_disabled_and_capped() throws IOException {
    Setup disabled = new Setup("disabled", DISABLED);
    Result r = shell.run(disabled.options("-c", REAL_RUN));
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("refused");
    disabled.assertUnchanged();

    Setup capped = new Setup("capped", CAPPED);
    Result c = shell.run(capped.options("-c", REAL_RUN));
    assertThat(c.code()).as(c.toString()).isEqualTo(2);
    assertThat(c.err()).contains("refused").contains("cleanup_max_resources");
    capped.assertUnchanged();
  }

  @Test
  void standard_input_disabled_and_capped() throws IOException {
    Setup disabled = new Setup("disabled", DISABLED);
    Result r = shell.runWithInput(REAL_RUN + "\n", disabled.options());
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("refused");
    disabled.assertUnchanged();

    Setup capped = new Setup("capped", CAPPED);
    Result c = shell.runWithInput(REAL_RUN + "\n", capped.options());
    assertThat(c.code()).as(c.toString()).isEqualTo(2);
    assertThat(c.err()).contains("cleanup_max_resources");
    capped.assertUnchanged();
  }

  @Test
  void workflow_disabled_and_capped() throws IOException {
    Setup disabled = new Setup("disabled", DISABLED);
    Result r = shell.run(disabled.options("-c", "workflow run collect_and_cleanup"));
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("cleanup: skipped: cleanup is disabled");
    disabled.assertUnchanged();

    Setup capped = new Setup("capped", CAPPED);
    Result c = shell.run(capped.options("-c", "workflow run collect_and_cleanup"));
    // The workflow runs on; its cleanup step is skipped with the refusal.
    assertThat(c.out()).as(c.toString()).contains("cleanup: skipped: cleanup refused").contains("cleanup_max_resources");
    assertThat(c.out() + c.err()).doesNotContain("\tat ");
    capped.assertUnchanged();
  }

  @Test
  void job_run_by_hand_disabled_and_capped() throws IOException {
    Setup disabled = new Setup("disabled", DISABLED);
    Result r = shell.run(disabled.options("-c", "jobs add --id c '" + REAL_RUN + "'", "-c", "jobs run c"));
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.out() + r.err()).contains("refused");
    disabled.assertUnchanged();

    Setup capped = new Setup("capped", CAPPED);
    Result c = shell.run(capped.options("-c", "jobs add --id c '" + REAL_RUN + "'", "-c", "jobs run c"));
    assertThat(c.code()).as(c.toString()).isEqualTo(1);
    assertThat(c.out() + c.err()).contains("refused").contains("cleanup_max_resources");
    capped.assertUnchanged();
  }

  @Test
  void job_run_by_the_scheduler_disabled_and_capped() throws IOException {
    Setup disabled = new Setup("disabled", DISABLED);
    Setup capped = new Setup("capped", CAPPED);
    // Both wait for the next minute boundary, side by side. The clock is the real one: a fixed
    // clock would never reach the next fire time.
    String input = "jobs add --id c --schedule \"* * * * *\" '" + REAL_RUN + "'\n";
    CompletableFuture<Result> off = CompletableFuture.supplyAsync(() -> shell.runUntil(input,
        out -> out.contains("job c at schedule"), Duration.ofSeconds(75),
        "--state", disabled.state.toString(), "--config", disabled.config.toString()));
    CompletableFuture<Result> over = CompletableFuture.supplyAsync(() -> shell.runUntil(input,
        out -> out.contains("job c at schedule"), Duration.ofSeconds(75),
        "--state", capped.state.toString(), "--config", capped.config.toString()));

    Result r = off.join();
    assertThat(r.out()).as(r.toString()).contains("job c at schedule: failed").contains("refused");
    disabled.assertUnchanged();
    Result c = over.join();
    assertThat(c.out()).as(c.toString()).contains("job c at schedule: failed").contains("cleanup_max_resources");
    capped.assertUnchanged();
  }
}
