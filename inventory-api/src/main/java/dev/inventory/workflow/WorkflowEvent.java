package dev.inventory.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * A step of a workflow run, announced to every {@link WorkflowListener} before the step runs.
 *
 * <pre>{@code
 * WorkflowListener jobs = event -> {
 *   if (event.name().equals("post_collect")) markStaleKeys();
 * };
 * }</pre>
 *
 * @param runId the run
 * @param workflow the workflow's name, for example {@code collect_and_cleanup}
 * @param step the step about to run
 * @param time when it was announced, from the workflows' clock
 */
public record WorkflowEvent(String runId, String workflow, WorkflowStep step, Instant time) {
  /**
   * Checks that the values are present.
   *
   * @param runId the run's id
   * @param workflow the workflow's name
   * @param step the step about to run
   * @param time when it starts
   */
  public WorkflowEvent {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(time, "time");
  }

  /**
   * The event name, the step's label: for example {@code post_collect}.
   *
   * @return the event name
   */
  public String name() {
    return step.label();
  }
}
