package dev.inventory.cleanup;

import java.util.Objects;
import java.util.Optional;

/**
 * A step of a cleanup run announced to {@link CleanupListener}s, named like the steps of Fix
 * Inventory's workflows, so a listener written for those steps fits: {@code pre_cleanup} before the first action, {@code cleanup}
 * when the actions start, {@code post_cleanup} with the report when they are done.
 *
 * <pre>{@code
 * CleanupListener listener = new CleanupListener() {
 *   public void onEvent(CleanupEvent e) {
 *     if (e.type() == CleanupEvent.Type.POST_CLEANUP) notify(e.report().orElseThrow());
 *   }
 * };
 * }</pre>
 *
 * @param type the step
 * @param plan the plan being run
 * @param report the report, present for {@code post_cleanup} only
 */
public record CleanupEvent(Type type, CleanupPlan plan, Optional<CleanupReport> report) {
  /**
   * Checks that the values are present and that only {@code post_cleanup} carries a report.
   *
   * @param type the step
   * @param plan the run's plan
   * @param report the report, present for {@code post_cleanup} only
   */
  public CleanupEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(report, "report");
  }

  /** The steps of a cleanup run. */
  public enum Type {
    /** Before the first action of the run. */
    PRE_CLEANUP("pre_cleanup"),
    /** When the actions start. */
    CLEANUP("cleanup"),
    /** When the actions are done; the event carries the report. */
    POST_CLEANUP("post_cleanup");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /**
     * The event name, for example {@code pre_cleanup}.
     *
     * @return the event name
     */
    public String label() {
      return label;
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
