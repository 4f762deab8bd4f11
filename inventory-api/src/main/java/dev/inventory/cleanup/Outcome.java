package dev.inventory.cleanup;

/**
 * What happened to one planned node in a cleanup run: one per node, written to the report and the audit sink.
 *
 * <pre>{@code
 * report.count(Outcome.WOULD_CLEAN);   // how many a dry run would have cleaned
 * }</pre>
 */
public enum Outcome {
  /** Cleaned now (deleted or deactivated, as the strategy says). */
  CLEANED("cleaned"),
  /** A dry run would have cleaned it; nothing was changed. */
  WOULD_CLEAN("would_clean"),
  /** The resource no longer existed when it was refreshed or acted on. */
  ALREADY_GONE("already_gone"),
  /** Not cleaned, for the reason given (protected, used since the snapshot, ...). */
  SKIPPED("skipped"),
  /** A call failed; the node stays marked and is tried again on the next run. */
  FAILED("failed");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /**
   * The snake_case name used in reports and the audit trail, for example {@code would_clean}.
   *
   * @return the outcome's name
   */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
