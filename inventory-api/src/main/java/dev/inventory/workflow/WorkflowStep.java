package dev.inventory.workflow;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the workflows, in the order {@code collect_and_cleanup} runs them. Each
 * step is announced as a {@link WorkflowEvent} named by its {@link #label()} before it runs, so a
 * job can wait for {@code post_collect}. Only {@code collect}, {@code cleanup_plan} and {@code
 * cleanup} do work of their own; the others exist to be waited for.
 *
 * <pre>{@code
 * WorkflowStep.fromLabel("post_collect");   // Optional[POST_COLLECT]
 * }</pre>
 */
public enum WorkflowStep {
  /** Before a collect starts. */
  PRE_COLLECT("pre_collect"),
  /** Collects a new snapshot, which replaces the current one when it succeeds. */
  COLLECT("collect"),
  /** After the collect. */
  POST_COLLECT("post_collect"),
  /** Before the cleanup is planned. */
  PRE_CLEANUP_PLAN("pre_cleanup_plan"),
  /** Plans the cleanup of the marked nodes. */
  CLEANUP_PLAN("cleanup_plan"),
  /** After the plan is made. */
  POST_CLEANUP_PLAN("post_cleanup_plan"),
  /** Before the first cleanup action. */
  PRE_CLEANUP("pre_cleanup"),
  /** Runs the cleanup plan (a dry run unless configured otherwise). */
  CLEANUP("cleanup"),
  /** After the cleanup, with its report. */
  POST_CLEANUP("post_cleanup");

  private final String label;

  WorkflowStep(String label) {
    this.label = label;
  }

  /**
   * The event name, for example {@code post_collect}.
   *
   * @return the event name
   */
  public String label() {
    return label;
  }

  /**
   * The step with this event name.
   *
   * @param label the event name
   * @return the step, or empty
   */
  public static Optional<WorkflowStep> fromLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }

  @Override
  public String toString() {
    return label;
  }
}
