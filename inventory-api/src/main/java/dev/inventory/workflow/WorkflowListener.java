package dev.inventory.workflow;

import dev.inventory.collect.CollectProgress;
import java.time.Instant;

/**
 * Follows workflow runs; jobs that wait for an event are such listeners. Calls come from the thread
 * that runs the workflow, one at a time, and the workflow goes on only when the call returned, so
 * that what a listener does at {@code post_collect} (marking nodes) is seen by the {@code cleanup}
 * steps of the same run. An exception from {@link #onEvent} or {@link #onRunStarted} is recorded as
 * a {@link WorkflowError} of the run, and the workflow continues. A listener must not start a
 * workflow run itself: it would wait for the run it is part of.
 *
 * <pre>{@code
 * Workflows workflows = Workflows.builder()
 *     .collector(collector)
 *     .listener(event -> System.out.println(event.time() + " " + event.name()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface WorkflowListener {

  /**
   * A step is about to run.
   *
   * @param event the run, the step and the time
   */
  void onEvent(WorkflowEvent event);

  /**
   * A run starts, before its first step.
   *
   * @param runId the run's id
   * @param workflow the workflow's name
   * @param time when it starts
   */
  default void onRunStarted(String runId, String workflow, Instant time) {}

  /**
   * A run ended; an exception here is only logged, the result being complete.
   *
   * @param result the run's result
   */
  default void onRunEnded(WorkflowResult result) {}

  /**
   * A collector reported progress during the {@code collect} step.
   *
   * @param progress the progress event
   */
  default void onCollectProgress(CollectProgress progress) {}
}
