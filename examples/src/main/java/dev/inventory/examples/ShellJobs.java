package dev.inventory.examples;

import dev.inventory.query.job.JobRun;
import dev.inventory.query.job.Jobs;
import dev.inventory.query.job.JobsCommand;
import dev.inventory.query.job.Scheduler;
import dev.inventory.workflow.Workflows;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The shell's jobs: kept in {@code STATE.jobs.json} next to the state file (in memory without
 * {@code --state}), run by hand, at workflow events, and by their schedule while the shell reads
 * its input.
 */
final class ShellJobs implements AutoCloseable {
  /** The jobs file kept next to a state file. */
  static Path fileNextTo(Path stateFile) {
    return stateFile.resolveSibling(stateFile.getFileName() + ".jobs.json");
  }

  private final Jobs jobs;
  private final JobsCommand command;
  private Scheduler scheduler;
  private volatile Consumer<String> printer = s -> { };

  ShellJobs(Path file, Clock clock, Function<String, String> runner, Consumer<String> check) {
    Jobs.Builder b = Jobs.builder().clock(clock).runner(runner).check(check);
    if (file != null) {
      b.file(file);
    }
    this.jobs = b.build();
    this.command = new JobsCommand(jobs);
  }

  Jobs jobs() {
    return jobs;
  }

  JobsCommand command() {
    return command;
  }

  /**
   * The scheduler of these jobs. It runs only the jobs: the shell runs workflows when asked. Its
   * clock is the real one even with {@code --now}, since a fixed clock never reaches a fire time.
   */
  void scheduleWith(Workflows workflows) {
    scheduler = Scheduler.builder(workflows).jobs(jobs).withoutWorkflow().clock(Clock.systemUTC())
        .listener(tick -> tick.jobs().forEach(this::print)).build();
  }

  private void print(JobRun run) {
    printer.accept(run.summary() + (run.ok() && !run.output().isEmpty() ? "\n" + run.output() : ""));
  }

  /** Starts running scheduled jobs; what they print goes to {@code printer}. */
  void start(Consumer<String> printer) {
    this.printer = printer;
    scheduler.start();
  }

  /** Whether scheduled jobs run now. */
  boolean isScheduling() {
    return scheduler != null && scheduler.isStarted();
  }

  /** Stops the schedule, waiting for a job that is running. */
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  @Override
  public void close() {
    stop();
    jobs.close();
  }
}
