package dev.inventory.testing;

import dev.inventory.Resource;
import dev.inventory.cleanup.CleanupPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link CleanupPlan}: which nodes it cleans and in which passes.
 *
 * <pre>{@code
 * CleanupPlan plan = CleanupPlan.of(inventory, state);
 * assertThat(plan).cleansInOrder("AKIADAVE000000000001", "dave").doesNotClean("AKIAJENKINS000000001");
 * }</pre>
 *
 * <p>A failure shows the plan as {@link CleanupPlan#render()} prints it.
 */
public final class CleanupPlanAssert extends AbstractAssert<CleanupPlanAssert, CleanupPlan> {
  CleanupPlanAssert(CleanupPlan plan) {
    super(plan, CleanupPlanAssert.class);
  }

  /**
   * Verifies that the plan cleans every one of these nodes.
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming the nodes that are not planned (and why, when the plan says)
   */
  public CleanupPlanAssert cleans(String... ids) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String id : ids) {
      if (actual.passOf(id).isEmpty()) {
        missing.add(id + unplannedReason(id));
      }
    }
    if (!missing.isEmpty()) {
      throw failure("%s", "expected the plan to clean " + String.join(", ", missing) + " but it does not:\n" + actual.render());
    }
    return this;
  }

  /**
   * Verifies that the plan cleans these nodes, each in a later pass than the one before it (a key
   * before its user): nodes of one pass may run in any order, so they are not "in order".
   *
   * @param ids node ids, in the order they must be cleaned
   * @return this assertion
   * @throws AssertionError when a node is not planned or not in a later pass than the one before
   */
  public CleanupPlanAssert cleansInOrder(String... ids) {
    cleans(ids);
    for (int i = 1; i < ids.length; i++) {
      int before = actual.passOf(ids[i - 1]).orElseThrow();
      int after = actual.passOf(ids[i]).orElseThrow();
      if (after <= before) {
        throw failure("%s", "expected the plan to clean " + ids[i - 1] + " before " + ids[i] + " but "
            + ids[i - 1] + " is in pass " + (before + 1) + " and " + ids[i] + " in pass " + (after + 1) + ":\n"
            + actual.render());
      }
    }
    return this;
  }

  /**
   * Verifies that the plan cleans none of these nodes.
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming the nodes that are planned and their pass
   */
  public CleanupPlanAssert doesNotClean(String... ids) {
    isNotNull();
    List<String> planned = new ArrayList<>();
    for (String id : ids) {
      actual.passOf(id).ifPresent(p -> planned.add(id + " (pass " + (p + 1) + ")"));
    }
    if (!planned.isEmpty()) {
      throw failure("%s", "expected the plan not to clean " + String.join(", ", planned) + " but it does:\n" + actual.render());
    }
    return this;
  }

  /**
   * Verifies that the plan cleans exactly these nodes, in any order.
   *
   * @param ids node ids
   * @return this assertion
   * @throws AssertionError naming the nodes missing and the nodes planned besides
   */
  public CleanupPlanAssert cleansExactly(String... ids) {
    cleans(ids);
    List<String> wanted = List.of(ids);
    String extra = actual.nodes().stream().map(Resource::id).filter(id -> !wanted.contains(id))
        .collect(Collectors.joining(", "));
    if (!extra.isEmpty()) {
      throw failure("%s", "expected the plan to clean only " + String.join(", ", ids) + " but it also cleans " + extra
          + ":\n" + actual.render());
    }
    return this;
  }

  private String unplannedReason(String id) {
    Optional<CleanupPlan.Unplanned> u = actual.unplanned().stream().filter(x -> x.id().equals(id)).findFirst();
    return u.map(x -> " (" + x.reason() + ")").orElse(" (not marked for cleanup)");
  }
}
