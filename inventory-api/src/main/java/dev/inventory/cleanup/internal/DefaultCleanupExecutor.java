package dev.inventory.cleanup.internal;

import dev.inventory.Resource;
import dev.inventory.cleanup.AuditEntry;
import dev.inventory.cleanup.AuditSink;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupEvent;
import dev.inventory.cleanup.CleanupException;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupListener;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupRefusedException;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.Mark;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link CleanupExecutor}; see its Javadoc for what it promises. */
public final class DefaultCleanupExecutor implements CleanupExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(CleanupExecutor.class);

  private final CleanupConfig config;
  private final Map<String, Cleaner> cleaners;
  private final Map<String, CleanupStrategy> strategies;
  private final SelectionCheck selectionCheck;
  private final Clock clock;
  private final AuditSink auditSink;
  private final List<CleanupListener> listeners;

  public DefaultCleanupExecutor(CleanupConfig config, Map<String, Cleaner> cleaners, Map<String, CleanupStrategy> strategies,
      SelectionCheck selectionCheck, Clock clock, AuditSink auditSink, List<CleanupListener> listeners) {
    this.config = config;
    this.cleaners = Map.copyOf(cleaners);
    this.selectionCheck = selectionCheck;
    this.clock = clock;
    this.auditSink = auditSink;
    this.listeners = List.copyOf(listeners);
    this.strategies = checkStrategies(strategies, this.cleaners);
  }

  /** The strategy per kind that has a cleaner: the chosen one, or the cleaner's first. */
  private static Map<String, CleanupStrategy> checkStrategies(Map<String, CleanupStrategy> chosen, Map<String, Cleaner> cleaners) {
    Map<String, CleanupStrategy> result = new LinkedHashMap<>();
    chosen.forEach((kind, strategy) -> {
      Cleaner c = cleaners.get(kind);
      if (c == null) {
        throw new CleanupException("strategy " + strategy + " chosen for kind '" + kind + "', which has no cleaner");
      }
      if (c.strategies().stream().noneMatch(s -> s.name().equals(strategy.name()))) {
        throw new CleanupException("strategy " + strategy.name() + " chosen for kind '" + kind + "', but its cleaner "
            + c.getClass().getName() + " supports only " + c.strategies().stream().map(CleanupStrategy::name).toList());
      }
      result.put(kind, strategy);
    });
    cleaners.forEach((kind, c) -> {
      if (!result.containsKey(kind)) {
        if (c.strategies().isEmpty()) {
          throw new CleanupException("cleaner " + c.getClass().getName() + " for kind '" + kind + "' lists no strategy");
        }
        result.put(kind, c.strategies().get(0));
      }
    });
    return Map.copyOf(result);
  }

  /** The configuration this executor runs with. */
  public CleanupConfig config() {
    return config;
  }

  @Override
  public CleanupReport run(CleanupPlan plan) {
    Objects.requireNonNull(plan, "plan");
    boolean dryRun = config.dryRun();
    if (!dryRun && !config.cleanup()) {
      throw new CleanupRefusedException(disabled() + ": nothing was changed. Set " + CleanupConfig.CLEANUP
          + ": true in the " + CleanupConfig.SECTION + " section of the configuration file, or run 'config set "
          + CleanupConfig.SECTION + " " + CleanupConfig.CLEANUP + "=true'");
    }
    Optional<String> overCap = overCap(plan);
    if (overCap.isPresent() && !dryRun) {
      throw new CleanupRefusedException("cleanup refused: " + overCap.get() + ": nothing was changed. Mark fewer "
          + "resources, or raise " + CleanupConfig.CLEANUP_MAX_RESOURCES + " in the " + CleanupConfig.SECTION
          + " section of the configuration file (or run 'config set " + CleanupConfig.SECTION + " "
          + CleanupConfig.CLEANUP_MAX_RESOURCES + "=" + plan.size() + "')");
    }
    String runId = UUID.randomUUID().toString();
    Instant started = clock.instant();
    LOG.info("cleanup run {} starts: {} planned nodes in {} passes, {}", runId, plan.size(), plan.passes().size(),
        dryRun ? "dry run" : "real run");
    fire(new CleanupEvent(CleanupEvent.Type.PRE_CLEANUP, plan, Optional.empty()));
    fire(new CleanupEvent(CleanupEvent.Type.CLEANUP, plan, Optional.empty()));

    Progress progress = new Progress(plan.size());
    Run run = new Run(plan, dryRun, runId, progress);
    if (overCap.isPresent()) {
      // A dry run previews the real one, which would call nothing: so it calls nothing either.
      for (int pass = 0; pass < plan.passes().size(); pass++) {
        for (Resource node : plan.passes().get(pass)) {
          finish(run, NodeCleanup.refused(this, run, node, pass, "a real run would be refused: " + overCap.get()));
        }
      }
    } else {
      for (int pass = 0; pass < plan.passes().size(); pass++) {
        runPass(run, pass);
      }
    }

    List<NodeResult> results = new ArrayList<>(plan.size());
    for (Resource r : plan.nodes()) {
      results.add(run.results.get(r.id()));
    }
    List<String> notes = new ArrayList<>();
    if (!config.cleanup()) {
      notes.add(disabled() + ": a run that is not a dry run would be refused");
    }
    overCap.ifPresent(why -> notes.add("a real run would be refused, before any call: " + why));
    for (String kind : new TreeSet<>(run.stateOnlyKinds)) {
      notes.add("the cleaner for " + kind + " acts on the state only: nothing outside the state store was called");
    }
    for (CleanupPlan.Unplanned u : plan.unplanned()) {
      notes.add("not planned: " + u.id() + ": " + u.reason());
    }
    CleanupReport report = new CleanupReport(runId, started, Duration.between(started, clock.instant()), dryRun,
        results, notes);
    LOG.info("cleanup run {} done: {}", runId, report.totals());
    fire(new CleanupEvent(CleanupEvent.Type.POST_CLEANUP, plan, Optional.of(report)));
    return report;
  }

  private static String disabled() {
    return "cleanup is disabled (" + CleanupConfig.SECTION + "." + CleanupConfig.CLEANUP + ": false)";
  }

  /** Why the plan is over {@code cleanup_max_resources}, if it is. */
  private Optional<String> overCap(CleanupPlan plan) {
    if (config.maxResources().isEmpty() || plan.size() <= config.maxResources().getAsInt()) {
      return Optional.empty();
    }
    return Optional.of("the plan has " + Text.count(plan.size(), "resource", "resources") + ", more than "
        + CleanupConfig.CLEANUP_MAX_RESOURCES + " allows (" + config.maxResources().getAsInt() + ")");
  }

  private void runPass(Run run, int pass) {
    List<Resource> nodes = run.plan.passes().get(pass);
    int threads = Math.min(config.poolSize(), nodes.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory(run.runId, pass));
    try {
      List<Future<?>> futures = new ArrayList<>(nodes.size());
      for (Resource node : nodes) {
        futures.add(pool.submit(() -> finish(run, new NodeCleanup(this, run, node, pass).call())));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CleanupException("cleanup run " + run.runId + " was interrupted in pass " + (pass + 1), e);
    } catch (ExecutionException e) {
      // NodeCleanup turns every exception into an outcome; only an Error gets here
      throw new CleanupException("cleanup run " + run.runId + " failed in pass " + (pass + 1) + ": " + e.getCause(),
          e.getCause());
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("cleanup pool threads did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory threadFactory(String runId, int pass) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "inventory-cleanup-" + runId.substring(0, 8) + "-pass" + (pass + 1) + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private void finish(Run run, NodeResult result) {
    if (result.outcome() != Outcome.SKIPPED && result.outcome() != Outcome.FAILED) {
      // Gone, or cleaned (or would be in a dry run): what waits for it may go in a later pass.
      run.gone.add(result.id());
    }
    run.results.put(result.id(), result);
    log(result);
    try {
      auditSink.record(new AuditEntry(run.runId, clock.instant(), run.dryRun, result,
          run.plan.mark(result.id()).flatMap(Mark::query)));
    } catch (RuntimeException e) {
      LOG.error("cannot write the audit entry of {} to {}: {}", result.id(), auditSink, e.toString(), e);
    }
    synchronized (run.progress) {
      int done = ++run.progress.done;
      each(l -> l.onOutcome(result));
      each(l -> l.onProgress(done, run.progress.total));
    }
  }

  private static void log(NodeResult r) {
    String detail = r.error().map(e -> r.reason() + "; error: " + e + (r.retryable() ? " (retryable)" : "")).orElse(r.reason());
    if (r.outcome() == Outcome.FAILED) {
      LOG.warn("{} {} {} ({}): {}", r.outcome().label(), r.kind(), r.id(), r.name().orElse("-"), detail);
    } else {
      LOG.info("{} {} {} ({}): {}", r.outcome().label(), r.kind(), r.id(), r.name().orElse("-"), detail);
    }
  }

  private void fire(CleanupEvent event) {
    LOG.debug("cleanup event {}", event.type());
    each(l -> l.onEvent(event));
  }

  private void each(Consumer<CleanupListener> call) {
    for (CleanupListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.error("cleanup listener {} failed: {}", l, e.toString(), e);
      }
    }
  }

  Optional<Cleaner> cleanerFor(CleanupPlan plan, Resource node) {
    for (String kind : plan.snapshot().kinds().lineage(node.kind())) {
      Cleaner c = cleaners.get(kind);
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  CleanupStrategy strategyFor(Cleaner cleaner) {
    return strategies.get(cleaner.kind());
  }

  Optional<SelectionCheck> selectionCheck() {
    return Optional.ofNullable(selectionCheck);
  }

  Clock clock() {
    return clock;
  }

  /** The mutable bookkeeping of one run, shared by its pool threads. */
  static final class Run {
    final CleanupPlan plan;
    final boolean dryRun;
    final String runId;
    final Progress progress;
    final Map<String, NodeResult> results = new ConcurrentHashMap<>();
    /** Nodes gone or cleaned in this run (or, in a dry run, that would be): what waits for them may go. */
    final Set<String> gone = ConcurrentHashMap.newKeySet();
    final Set<String> stateOnlyKinds = ConcurrentHashMap.newKeySet();

    Run(CleanupPlan plan, boolean dryRun, String runId, Progress progress) {
      this.plan = plan;
      this.dryRun = dryRun;
      this.runId = runId;
      this.progress = progress;
    }
  }

  /** Done and total nodes; also the lock that keeps listener progress calls in order. */
  static final class Progress {
    final int total;
    int done;

    Progress(int total) {
      this.total = total;
    }
  }
}
