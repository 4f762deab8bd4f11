package dev.inventory.cleanup.internal;

import dev.inventory.AccessKey;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.Values;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.cleanup.ResourceGoneException;
import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides and acts for one planned node. The order of the checks is the safety argument: state
 * first (no call for a node protected or unmarked since the plan), then the refresh, then the state
 * again (it may have changed during the refresh), then use and selection against the fresh
 * resource, and only then a mutating call, never in a dry run.
 */
final class NodeCleanup {
  private final DefaultCleanupExecutor executor;
  private final DefaultCleanupExecutor.Run run;
  private final Resource node;
  private final int pass;
  private final StateStore state;
  private final Instant start;
  private Cleaner cleaner;

  NodeCleanup(DefaultCleanupExecutor executor, DefaultCleanupExecutor.Run run, Resource node, int pass) {
    this.executor = executor;
    this.run = run;
    this.node = node;
    this.pass = pass;
    this.state = run.plan.state();
    this.start = executor.clock().instant();
  }

  /** The outcome of a node in a run that calls nothing, for example a dry run over the cap. */
  static NodeResult refused(DefaultCleanupExecutor executor, DefaultCleanupExecutor.Run run, Resource node, int pass,
      String why) {
    return new NodeCleanup(executor, run, node, pass).result(Outcome.SKIPPED, why);
  }

  /** Never throws: every exception becomes an outcome. */
  NodeResult call() {
    try {
      return decide();
    } catch (ResourceGoneException e) {
      return gone("gone when acted on: " + e.getMessage());
    } catch (CleanupActionException e) {
      return failed(e.getMessage(), e.retryable());
    } catch (RuntimeException e) {
      return failed(e.toString(), false);
    }
  }

  private NodeResult decide() {
    // The account guards come before everything else: a guarded account sees no call at all.
    Optional<String> refusal = executor.config().accountRefusal(
        Accounts.idOf(run.plan.snapshot(), run.plan.snapshot().indexOf(node.id())).orElse(null));
    if (refusal.isPresent()) {
      return skipped(refusal.get() + "; nothing was called", false);
    }
    Optional<Cleaner> found = executor.cleanerFor(run.plan, node);
    if (found.isEmpty()) {
      return failed("no cleaner for kind '" + node.kind() + "' or its base kinds; register one on "
          + "CleanupExecutor.builder().cleaner(...) or with ServiceLoader", false);
    }
    cleaner = found.get();
    if (cleaner.actsOnStateOnly()) {
      run.stateOnlyKinds.add(cleaner.kind());
    }
    Optional<NodeResult> waiting = waitingFor();
    if (waiting.isPresent()) {
      return waiting.get();
    }
    Optional<NodeResult> stale = checkState(state.get(node.id()));
    if (stale.isPresent()) {
      return stale.get();
    }
    CleanupContext context = new CleanupContext(run.plan.snapshot(), state.get(node.id()), start, run.dryRun);
    Optional<Resource> refreshed = cleaner.refresh(node, context);
    if (refreshed.isEmpty()) {
      return gone("gone at refresh");
    }
    Resource fresh = refreshed.get();
    NodeState now = state.get(node.id());
    stale = checkState(now);
    if (stale.isPresent()) {
      return stale.get();
    }
    if (fresh instanceof AccessKey key && key.lastUse() instanceof LastUse.Unknown) {
      return skipped("last use unknown at refresh; a key of unknown use is never cleaned", false);
    }
    Optional<Instant> usedAt = usedSinceSnapshot(node, fresh);
    if (usedAt.isPresent()) {
      return skipped("used at " + Values.format(usedAt.get()) + ", after the snapshot", true);
    }
    Mark mark = now.clean().orElseThrow();
    Optional<String> query = mark.query();
    if (query.isPresent()) {
      Optional<SelectionCheck> check = executor.selectionCheck();
      if (check.isEmpty()) {
        return skipped("cannot re-check the marking query: no SelectionCheck", false);
      }
      if (!check.get().stillSelected(query.get(), fresh, run.plan.snapshot(), start)) {
        return skipped("no longer selected by the query that marked it", true);
      }
    }
    context = new CleanupContext(run.plan.snapshot(), now, start, run.dryRun);
    CleanupStrategy strategy = executor.strategyFor(cleaner);
    if (strategy instanceof CleanupStrategy.Delete) {
      return delete(fresh, context, "deleted", "would delete");
    } else if (strategy instanceof CleanupStrategy.Deactivate) {
      return deactivateOnly(fresh, context);
    } else {
      return deactivateThenDelete(fresh, context, now, ((CleanupStrategy.DeactivateThenDelete) strategy).gracePeriod());
    }
  }

  /**
   * Skips a node while a node that must be gone first is still there: planned ones that were not
   * cleaned in an earlier pass, and ones that were never marked (a user's recently used key).
   */
  private Optional<NodeResult> waitingFor() {
    Inventory snapshot = run.plan.snapshot();
    List<String> still = new ArrayList<>();
    GoneFirst.forEach(snapshot, snapshot.indexOf(node.id()), j -> {
      String id = snapshot.node(j).id();
      if (!run.gone.contains(id)) {
        still.add(id);
      }
    });
    if (still.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(skipped(Text.count(still.size(), "resource that must be gone first is",
        "resources that must be gone first are") + " still there: " + String.join(", ", still), false));
  }

  /** Skips a node whose state changed since the plan; protection clears the mark, as it is final. */
  private Optional<NodeResult> checkState(NodeState s) {
    if (s.isProtected()) {
      return Optional.of(skipped("protected since the plan was made", true));
    }
    if (!s.isMarkedForCleanup()) {
      return Optional.of(skipped("no longer marked for cleanup", false));
    }
    if (s.isCleaned()) {
      return Optional.of(skipped("already cleaned since the plan was made", false));
    }
    return Optional.empty();
  }

  /** When the fresh resource was used after the time the snapshot recorded, if it was. */
  private static Optional<Instant> usedSinceSnapshot(Resource before, Resource fresh) {
    Optional<Instant> was = before instanceof AccessKey k ? k.lastUse().at().or(before::atime) : before.atime();
    Optional<Instant> is = fresh instanceof AccessKey k ? k.lastUse().at().or(fresh::atime) : fresh.atime();
    if (is.isPresent() && (was.isEmpty() || is.get().isAfter(was.get()))) {
      return is;
    }
    if (fresh.atime().isPresent() && before.atime().map(t -> fresh.atime().get().isAfter(t)).orElse(true)) {
      return fresh.atime();
    }
    return Optional.empty();
  }

  private NodeResult delete(Resource fresh, CleanupContext context, String done, String wouldDo) {
    if (run.dryRun) {
      run.gone.add(node.id());
      return result(Outcome.WOULD_CLEAN, wouldDo);
    }
    cleaner.delete(fresh, context);
    run.gone.add(node.id());
    return cleaned(done);
  }

  private NodeResult deactivateOnly(Resource fresh, CleanupContext context) {
    if (cleaner.isDeactivated(fresh)) {
      return run.dryRun ? result(Outcome.WOULD_CLEAN, "already inactive; would record it as cleaned")
          : cleaned("already inactive");
    }
    if (run.dryRun) {
      return result(Outcome.WOULD_CLEAN, "would deactivate");
    }
    cleaner.deactivate(fresh, context);
    return cleaned("deactivated");
  }

  private NodeResult deactivateThenDelete(Resource fresh, CleanupContext context, NodeState now, Duration grace) {
    Optional<Instant> deactivatedAt = Optional.ofNullable(now.progress().get(CleanupStrategy.DEACTIVATED_AT))
        .flatMap(Values::parseDatetime);
    if (deactivatedAt.isEmpty()) {
      String due = Values.format(start.plus(grace));
      boolean inactive = cleaner.isDeactivated(fresh);
      if (run.dryRun) {
        return result(Outcome.WOULD_CLEAN, (inactive ? "already inactive; would record it" : "would deactivate")
            + "; deletion would be due after " + due);
      }
      if (!inactive) {
        cleaner.deactivate(fresh, context);
      }
      record(s -> s.withProgress(CleanupStrategy.DEACTIVATED_AT, Values.format(start)));
      return result(Outcome.CLEANED, (inactive ? "already inactive" : "deactivated") + "; deletion due after " + due
          + stateOnly());
    }
    Instant since = deactivatedAt.get();
    if (fresh instanceof AccessKey key && key.accessKeyStatus().isEmpty()) {
      return skipped("status unknown at refresh; deactivated at " + Values.format(since) + ", not deleted", false);
    }
    if (!cleaner.isDeactivated(fresh)) {
      if (!run.dryRun) {
        record(s -> s.withoutClean().withoutProgress(CleanupStrategy.DEACTIVATED_AT));
      }
      return result(Outcome.SKIPPED, "found active again after deactivation at " + Values.format(since)
          + "; never deleted" + (run.dryRun ? "" : ", mark cleared"));
    }
    Instant due = since.plus(grace);
    if (start.isBefore(due)) {
      return skipped("inactive since " + Values.format(since) + "; deletion due after " + Values.format(due), false);
    }
    return delete(fresh, context, "deleted after deactivation at " + Values.format(since),
        "would delete (inactive since " + Values.format(since) + ")");
  }

  private NodeResult cleaned(String what) {
    String reason = what + stateOnly();
    record(s -> s.withCleaned(new Mark(Outcome.CLEANED.label() + ": " + reason, Optional.of(start),
        s.clean().flatMap(Mark::query))));
    return result(Outcome.CLEANED, reason);
  }

  private String stateOnly() {
    return cleaner != null && cleaner.actsOnStateOnly() ? " (in the state only)" : "";
  }

  private NodeResult gone(String why) {
    run.gone.add(node.id());
    if (!run.dryRun) {
      record(s -> s.withCleaned(new Mark(Outcome.ALREADY_GONE.label() + ": " + why, Optional.of(start),
          s.clean().flatMap(Mark::query))));
    }
    return result(Outcome.ALREADY_GONE, why);
  }

  /** Skipped; a final reason clears the mark (not in a dry run, which changes nothing). */
  private NodeResult skipped(String why, boolean finalReason) {
    if (finalReason && !run.dryRun) {
      record(NodeState::withoutClean);
      return result(Outcome.SKIPPED, why + "; mark cleared");
    }
    return result(Outcome.SKIPPED, why);
  }

  private void record(java.util.function.UnaryOperator<NodeState> change) {
    try {
      state.update(node.id(), change);
    } catch (RuntimeException e) {
      throw CleanupActionException.retryable("the action was done, but recording it in the state store failed: " + e, e);
    }
  }

  private NodeResult failed(String error, boolean retryable) {
    return new NodeResult(node.id(), node.kind(), node.name(), run.plan.account(node.id()), pass + 1, Outcome.FAILED,
        "failed; the node stays marked", Optional.of(error), retryable, elapsed());
  }

  private NodeResult result(Outcome outcome, String reason) {
    return new NodeResult(node.id(), node.kind(), node.name(), run.plan.account(node.id()), pass + 1, outcome, reason,
        Optional.empty(), false, elapsed());
  }

  private Duration elapsed() {
    Duration d = Duration.between(start, executor.clock().instant());
    return d.isNegative() ? Duration.ZERO : d;
  }
}
