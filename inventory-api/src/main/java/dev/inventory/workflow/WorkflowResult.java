package dev.inventory.workflow;

import dev.inventory.cleanup.CleanupReport;
import dev.inventory.collect.SourceError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workflow run did: one {@link StepResult} per step in run order, the errors that did not
 * stop it, the collector's per-source errors and the cleanup report when the executor ran.
 * Immutable.
 *
 * <pre>{@code
 * WorkflowResult result = workflows.run("collect_and_cleanup");
 * result.cleanupReport().map(r -> r.count(Outcome.CLEANED));   // Optional[26]
 * System.out.println(result.render());
 * }</pre>
 *
 * @param runId identifies the run
 * @param workflow the workflow's name
 * @param started when the run started
 * @param ended when its last step ended
 * @param steps one result per step, in run order
 * @param errors listener and step errors, in the order they happened
 * @param collectErrors the sources that failed in the collect step
 * @param cleanupReport the executor's report, when the cleanup step ran it
 */
public record WorkflowResult(
    String runId,
    String workflow,
    Instant started,
    Instant ended,
    List<StepResult> steps,
    List<WorkflowError> errors,
    List<SourceError> collectErrors,
    Optional<CleanupReport> cleanupReport) {

  /**
   * Copies the lists.
   *
   * @param runId the run's id
   * @param workflow the workflow's name
   * @param started when it started
   * @param ended when it ended
   * @param steps the result of every step
   * @param errors the errors of the steps
   * @param collectErrors the sources that failed in the collect step
   * @param cleanupReport the cleanup step's report, if it ran
   */
  public WorkflowResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    steps = List.copyOf(steps);
    errors = List.copyOf(errors);
    collectErrors = List.copyOf(collectErrors);
    Objects.requireNonNull(cleanupReport, "cleanupReport");
  }

  /**
   * The result of a step, if this workflow has it.
   *
   * @param step the step
   * @return the step's result, or empty
   */
  public Optional<StepResult> step(WorkflowStep step) {
    return steps.stream().filter(s -> s.step() == step).findFirst();
  }

  /**
   * Whether every step was ok or skipped and nothing reported an error (collect sources included).
   *
   * @return whether the run succeeded
   */
  public boolean ok() {
    return errors.isEmpty() && collectErrors.isEmpty()
        && steps.stream().noneMatch(s -> s.status() == StepResult.Status.FAILED);
  }

  /**
   * From start to end.
   *
   * @return the run's duration
   */
  public Duration duration() {
    return Duration.between(started, ended);
  }

  /**
   * The run as text for people: a header, a line per step, then errors and collect errors.
   *
   * @return the run as text
   */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("Workflow ").append(workflow).append(" run ").append(runId).append(": ")
        .append(ok() ? "ok" : "with errors").append(" (").append(started).append(" .. ").append(ended).append(")\n");
    steps.forEach(s -> b.append("  ").append(s).append('\n'));
    if (!errors.isEmpty()) {
      b.append("errors:\n");
      errors.forEach(e -> b.append("  ").append(e).append('\n'));
    }
    if (!collectErrors.isEmpty()) {
      b.append("collect errors:\n");
      collectErrors.forEach(e -> b.append("  ").append(e).append('\n'));
    }
    return b.toString();
  }

  /** The same as {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }
}
