package dev.inventory.examples;

import dev.inventory.query.job.JobsCommand;
import java.util.List;

/**
 * {@code jobs ...}: Fix Inventory's jobs command ({@link JobsCommand}); with {@code -c} alone a
 * schedule gets a note, since the scheduler runs only while the shell reads its input.
 */
final class JobsShellCommand implements ShellCommand {
  static final String HELP = JobsCommand.USAGE;

  private final ShellJobs jobs;

  JobsShellCommand(ShellJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<String> names() {
    return List.of("jobs", "job");
  }

  @Override
  public String run(String line) {
    int space = line.indexOf(' ');
    String args = space < 0 ? "" : line.substring(space + 1);
    String text = jobs.command().execute(args);
    if (!jobs.isScheduling() && args.strip().startsWith("add ") && args.contains("--schedule")) {
      text += "\nnote: schedules run only while a shell reads its input (interactively or from standard input)"
          + " or a host application runs the scheduler; this shell ends after its -c commands.";
    }
    return text;
  }
}
