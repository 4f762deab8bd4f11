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
  PRE_COLLECT("pre_collect"),
  COLLECT("collect"),
  POST_COLLECT("post_collect"),
  PRE_CLEANUP_PLAN("pre_cleanup_plan"),
  CLEANUP_PLAN("cleanup_plan"),
  POST_CLEANUP_PLAN("post_cleanup_plan"),
  PRE_CLEANUP("pre_cleanup"),
  CLEANUP("cleanup"),
  POST_CLEANUP("post_cleanup");

  private final String label;

  WorkflowStep(String label) {
    this.label = label;
  }

  /** The event name, for example {@code post_collect}. */
  public String label() {
    return label;
  }

  /** The step with this event name. */
  public static Optional<WorkflowStep> fromLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
  }

  @Override
  public String toString() {
    return label;
  }
}
