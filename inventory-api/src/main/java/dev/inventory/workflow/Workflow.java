package dev.inventory.workflow;

import static dev.inventory.workflow.WorkflowStep.CLEANUP;
import static dev.inventory.workflow.WorkflowStep.CLEANUP_PLAN;
import static dev.inventory.workflow.WorkflowStep.COLLECT;
import static dev.inventory.workflow.WorkflowStep.POST_CLEANUP;
import static dev.inventory.workflow.WorkflowStep.POST_CLEANUP_PLAN;
import static dev.inventory.workflow.WorkflowStep.POST_COLLECT;
import static dev.inventory.workflow.WorkflowStep.PRE_CLEANUP;
import static dev.inventory.workflow.WorkflowStep.PRE_CLEANUP_PLAN;
import static dev.inventory.workflow.WorkflowStep.PRE_COLLECT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The known workflows and their steps (Fix Inventory's {@code known_workflows} without the
 * metrics steps, which have nothing to measure here): {@code collect_and_cleanup} runs all nine steps, {@code collect} the three
 * collect steps and {@code cleanup} the six cleanup steps.
 *
 * <pre>{@code
 * Workflow.fromId("cleanup").orElseThrow().steps();   // [pre_cleanup_plan, ..., post_cleanup]
 * }</pre>
 */
public enum Workflow {
  /** Every step: collect, then plan and run the cleanup. */
  COLLECT_AND_CLEANUP("collect_and_cleanup", List.of(WorkflowStep.values())),
  /** The collect steps only. */
  COLLECT_ONLY("collect", List.of(PRE_COLLECT, COLLECT, POST_COLLECT)),
  /** The cleanup steps only, on the current snapshot. */
  CLEANUP_ONLY("cleanup", List.of(PRE_CLEANUP_PLAN, CLEANUP_PLAN, POST_CLEANUP_PLAN, PRE_CLEANUP, CLEANUP, POST_CLEANUP));

  private final String id;
  private final List<WorkflowStep> steps;

  Workflow(String id, List<WorkflowStep> steps) {
    this.id = id;
    this.steps = steps;
  }

  /**
   * The name a host or a shell runs it by, for example {@code collect_and_cleanup}.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * The steps, in the order they run.
   *
   * @return the steps
   */
  public List<WorkflowStep> steps() {
    return steps;
  }

  /**
   * The workflow with this name.
   *
   * @param id the workflow's name
   * @return the workflow, or empty
   */
  public static Optional<Workflow> fromId(String id) {
    return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
  }

  /**
   * Every workflow name, in declaration order.
   *
   * @return the names
   */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Workflow::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
