package dev.inventory.testing;

import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link CleanupReport}: the outcome of each node.
 *
 * <pre>{@code
 * CleanupReport report = executor.run(plan);
 * assertThat(report).hasCleaned("AKIADAVE000000000001").hasSkipped("AKIANANCY00000000001");
 * }</pre>
 *
 * <p>A failure names each node with its outcome, reason and error, then the whole report as
 * {@link CleanupReport#render()} prints it.
 */
public final class CleanupReportAssert extends AbstractAssert<CleanupReportAssert, CleanupReport> {
  CleanupReportAssert(CleanupReport report) {
    super(report, CleanupReportAssert.class);
  }

  /**
   * Verifies that these nodes were cleaned (outcome {@code cleaned}).
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node with another outcome, or not in the report
   */
  public CleanupReportAssert hasCleaned(String... ids) {
    return hasOutcome(Outcome.CLEANED, ids);
  }

  /**
   * Verifies that these nodes would have been cleaned in this dry run (outcome {@code would_clean}).
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node with another outcome, or not in the report
   */
  public CleanupReportAssert wouldClean(String... ids) {
    return hasOutcome(Outcome.WOULD_CLEAN, ids);
  }

  /**
   * Verifies that these nodes were skipped (outcome {@code skipped}: used since the snapshot, say).
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node with another outcome, or not in the report
   */
  public CleanupReportAssert hasSkipped(String... ids) {
    return hasOutcome(Outcome.SKIPPED, ids);
  }

  /**
   * Verifies that cleaning these nodes failed (outcome {@code failed}).
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node with another outcome, or not in the report
   */
  public CleanupReportAssert hasFailed(String... ids) {
    return hasOutcome(Outcome.FAILED, ids);
  }

  /**
   * Verifies that none of these nodes was cleaned: each is not in the report or has an outcome
   * other than {@code cleaned}.
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node that was cleaned
   */
  public CleanupReportAssert hasNotCleaned(String... ids) {
    isNotNull();
    List<String> cleaned = new ArrayList<>();
    for (String id : ids) {
      actual.node(id).filter(n -> n.outcome() == Outcome.CLEANED).ifPresent(n -> cleaned.add(describe(n)));
    }
    if (!cleaned.isEmpty()) {
      throw failure("%s", "expected the cleanup not to clean " + String.join("; ", cleaned) + "\n" + actual.render());
    }
    return this;
  }

  /**
   * Verifies that these nodes have this outcome.
   *
   * @param outcome the outcome
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming each node with another outcome, or not in the report
   */
  public CleanupReportAssert hasOutcome(Outcome outcome, String... ids) {
    isNotNull();
    List<String> wrong = new ArrayList<>();
    for (String id : ids) {
      Optional<NodeResult> n = actual.node(id);
      if (n.isEmpty()) {
        wrong.add(id + " is not in the report (it was not planned)");
      } else if (n.get().outcome() != outcome) {
        wrong.add(describe(n.get()));
      }
    }
    if (!wrong.isEmpty()) {
      throw failure("%s", "expected " + outcome.label() + " for " + String.join(", ", ids) + " but " + String.join("; ", wrong)
          + "\n" + actual.render());
    }
    return this;
  }

  private static String describe(NodeResult n) {
    return n.id() + " is " + n.outcome().label() + " (" + n.reason() + n.error().map(e -> ": " + e).orElse("") + ")";
  }
}
