package dev.inventory.examples;

import dev.inventory.InventoryException;
import dev.inventory.query.job.JobRun;
import dev.inventory.query.job.Jobs;
import dev.inventory.workflow.WorkflowResult;
import dev.inventory.workflow.Workflows;
import java.util.List;

/**
 * {@code workflow list}, {@code workflow run ID}, {@code workflow history ID}. A run collects a
 * new snapshot, runs the jobs waiting for each step and cleans up with the shell's configuration.
 */
final class WorkflowCommand implements ShellCommand {
  static final String HELP =
      "workflow list|run ID|history ID  e.g. workflow run collect_and_cleanup";

  private final Workflows workflows;
  private final Jobs jobs;
  private final Runnable snapshotTaken;

  /** {@code snapshotTaken} runs after every workflow run, so the shell searches the new snapshot. */
  WorkflowCommand(Workflows workflows, Jobs jobs, Runnable snapshotTaken) {
    this.workflows = workflows;
    this.jobs = jobs;
    this.snapshotTaken = snapshotTaken;
  }

  /** A workflow that ran with errors: its whole report is the message. */
  static final class FailedRun extends InventoryException {
    private static final long serialVersionUID = 1L;

    FailedRun(String report) {
      super(report);
    }
  }

  @Override
  public List<String> names() {
    return List.of("workflow", "workflows");
  }


  @Override
  public String run(String line) {
    String[] words = line.split("\\s+");
    if (words.length == 2 && words[1].equals("list")) {
      return String.join("\n", workflows.workflowNames());
    }
    if (words.length == 3 && words[1].equals("run")) {
      requireWorkflow(line, words[2]);
      List<JobRun> before = jobs.runs();
      WorkflowResult result = workflows.run(words[2]);
      snapshotTaken.run();
      StringBuilder b = new StringBuilder("Workflow " + words[2] + " started with id " + result.runId() + ".\n");
      b.append(result.render());
      List<JobRun> ran = jobs.runs().stream().filter(r -> !before.contains(r)).toList();
      if (!ran.isEmpty()) {
        b.append("jobs:\n");
        ran.forEach(r -> b.append("  ").append(r.summary()).append('\n'));
      }
      result.cleanupReport().ifPresent(report -> b.append(report.render()));
      String text = Messages.withoutClassNames(b.toString().stripTrailing());
      if (!result.ok()) {
        throw new FailedRun(text);
      }
      return text;
    }
    if (words.length == 3 && words[1].equals("history")) {
      requireWorkflow(line, words[2]);
      List<WorkflowResult> runs = workflows.history(words[2]);
      if (runs.isEmpty()) {
        return "No runs of workflow " + words[2] + ".";
      }
      StringBuilder b = new StringBuilder();
      for (WorkflowResult r : runs) {
        b.append(r.runId()).append(' ').append(r.started()).append(" .. ").append(r.ended()).append(' ')
            .append(r.ok() ? "ok" : "with errors").append('\n');
      }
      return b.toString().stripTrailing();
    }
    throw ShellCommand.usage(line, "expected 'workflow list', 'workflow run ID' or 'workflow history ID'",
        List.of("'history'", "'list'", "'run'"));
  }

  private void requireWorkflow(String line, String id) {
    if (!workflows.workflowNames().contains(id)) {
      throw ShellCommand.usage(line, "unknown workflow '" + id + "'"
          + dev.inventory.Suggestions.didYouMean(id, workflows.workflowNames())
          + "; known workflows: " + String.join(", ", workflows.workflowNames()), workflows.workflowNames());
    }
  }
}
