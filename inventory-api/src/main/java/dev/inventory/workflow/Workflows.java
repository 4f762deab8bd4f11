package dev.inventory.workflow;

import dev.inventory.Inventory;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupPlan;
import dev.inventory.cleanup.CleanupRefusedException;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.Outcome;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.SourceError;
import dev.inventory.spi.Collector;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the workflows {@code collect_and_cleanup}, {@code collect} and {@code cleanup} (DESIGN §6)
 * with a {@link Collector}, a {@link StateStore} and a cleanup executor, and keeps the current
 * snapshot and a bounded history of runs. Usable without any scheduler: {@link #run} returns the
 * result.
 *
 * <p>Each step is announced to every {@link WorkflowListener} before it runs, and the step runs when
 * every listener returned. Then the step does its work: {@code collect} replaces the current
 * snapshot (the previous one stays when the collector throws); {@code cleanup_plan} reads the
 * cleanup configuration, builds an executor for it and plans over the current snapshot and the
 * state; {@code cleanup} runs that plan only when {@code cleanup} is true in the configuration, and
 * otherwise is skipped with the message {@code cleanup is disabled (cleanup: false)}; a run the
 * executor refuses ({@link CleanupRefusedException}: its own configuration disables cleanup, or the
 * plan is over {@code cleanup_max_resources}) is a skipped step with the executor's message, and
 * nothing was done; the other
 * steps have no work of their own. An exception from a listener or a step is recorded in the
 * {@link WorkflowResult} and the workflow continues.
 *
 * <p>Thread-safe. <b>Runs never overlap</b>, whatever their workflow, because they share the
 * snapshot and the state: {@link #run} waits until a running run has ended, {@link #tryRun}
 * refuses instead (a scheduler uses it so that a run still going is not started twice).
 *
 * <pre>{@code
 * Workflows workflows = Workflows.builder()
 *     .collector(FixtureCollector.ofFile(Path.of("demo-org.ndjson")))
 *     .state(StateStore.jsonFile(Path.of("state.json")))
 *     .cleanupConfig(() -> currentConfig)                      // read at each run
 *     .executor(config -> CleanupExecutor.builder().config(config).cleaner(StateOnlyCleaner.forKind("access_key")).build())
 *     .listener(event -> { if (event.name().equals("post_collect")) markStaleKeys(); })
 *     .build();
 * WorkflowResult result = workflows.run("collect_and_cleanup");
 * System.out.println(result.render());
 * }</pre>
 */
public final class Workflows {
  /** The message of a {@code cleanup} step while {@code cleanup} is false. */
  public static final String CLEANUP_DISABLED = "cleanup is disabled (cleanup: false)";

  private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);

  private final Collector collector;
  private final StateStore state;
  private final Supplier<CleanupConfig> cleanupConfig;
  private final Function<CleanupConfig, CleanupExecutor> executorFactory;
  private final Clock clock;
  private final Supplier<String> runIds;
  private final int historySize;
  private final List<WorkflowListener> listeners;
  private final AtomicReference<Inventory> current;
  private final ReentrantLock runLock = new ReentrantLock(true);
  private final Deque<WorkflowResult> history = new ArrayDeque<>();

  private Workflows(Builder b) {
    this.collector = Objects.requireNonNull(b.collector, "collector");
    this.state = b.state;
    this.cleanupConfig = b.cleanupConfig;
    this.clock = b.clock;
    this.executorFactory = b.executorFactory != null ? b.executorFactory
        : config -> CleanupExecutor.builder().config(config).clock(clock).build();
    this.runIds = b.runIds;
    this.historySize = b.historySize;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    this.current = new AtomicReference<>(b.snapshot);
  }

  /** A builder: in-memory state, default cleanup configuration (off, dry run), system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** The names of the workflows, for example {@code [collect_and_cleanup, collect, cleanup]}. */
  public List<String> workflowNames() {
    return Workflow.ids();
  }

  /**
   * Runs a workflow and returns its result; waits first while another run is going.
   *
   * @throws WorkflowException for an unknown name, listing the known ones
   */
  public WorkflowResult run(String name) {
    Workflow workflow = resolve(name);
    runLock.lock();
    try {
      return execute(workflow);
    } finally {
      runLock.unlock();
    }
  }

  /**
   * Runs a workflow unless another run is going, in which case it returns empty at once.
   *
   * @throws WorkflowException for an unknown name, listing the known ones
   */
  public Optional<WorkflowResult> tryRun(String name) {
    Workflow workflow = resolve(name);
    if (!runLock.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(execute(workflow));
    } finally {
      runLock.unlock();
    }
  }

  /** Whether a run is going. */
  public boolean isRunning() {
    return runLock.isLocked();
  }

  /** The snapshot of the last successful collect, or the initial one; empty before either. */
  public Optional<Inventory> current() {
    return Optional.ofNullable(current.get());
  }

  /** The state store the runs plan and clean with. */
  public StateStore state() {
    return state;
  }

  /** The last runs (at most the history size), oldest first. */
  public List<WorkflowResult> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** The last runs of one workflow, oldest first. */
  public List<WorkflowResult> history(String name) {
    Workflow workflow = resolve(name);
    return history().stream().filter(r -> r.workflow().equals(workflow.id())).toList();
  }

  /** Adds a listener for the next announcements (for example a job added at run time). */
  public void addListener(WorkflowListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener; whether it was there. */
  public boolean removeListener(WorkflowListener listener) {
    return listeners.remove(listener);
  }

  private static Workflow resolve(String name) {
    Objects.requireNonNull(name, "name");
    return Workflow.fromId(name).orElseThrow(() -> new WorkflowException(
        "unknown workflow \"" + name + "\"; known workflows: " + String.join(", ", Workflow.ids())));
  }

  private WorkflowResult execute(Workflow workflow) {
    Run run = new Run(runIds.get(), workflow, clock.instant());
    LOG.info("workflow {} run {} started", workflow, run.id);
    for (WorkflowListener l : listeners) {
      try {
        l.onRunStarted(run.id, workflow.id(), run.started);
      } catch (Exception e) {
        run.listenerError(workflow.steps().get(0), l, e);
      }
    }
    for (WorkflowStep step : workflow.steps()) {
      Instant announced = clock.instant();
      WorkflowEvent event = new WorkflowEvent(run.id, workflow.id(), step, announced);
      for (WorkflowListener l : listeners) {
        try {
          l.onEvent(event);
        } catch (Exception e) {
          run.listenerError(step, l, e);
        }
      }
      StepResult result;
      try {
        result = perform(run, step, announced);
      } catch (Exception e) {
        LOG.warn("workflow {} run {}: step {} failed: {}", workflow, run.id, step, e.toString(), e);
        run.errors.add(new WorkflowError(step, "step", String.valueOf(e.getMessage()), Optional.of(e)));
        result = new StepResult(step, StepResult.Status.FAILED, "failed: " + e, Optional.of(e), announced,
            Duration.between(announced, clock.instant()));
      }
      run.steps.add(result);
    }
    WorkflowResult result = new WorkflowResult(run.id, workflow.id(), run.started, clock.instant(), run.steps,
        run.errors, run.collectErrors, Optional.ofNullable(run.report));
    synchronized (history) {
      history.addLast(result);
      while (history.size() > historySize) {
        history.removeFirst();
      }
    }
    LOG.info("workflow {} run {} ended {}", workflow, run.id, result.ok() ? "ok" : "with errors");
    for (WorkflowListener l : listeners) {
      try {
        l.onRunEnded(result);
      } catch (Exception e) {
        LOG.warn("workflow listener {} failed at the end of run {}: {}", l, run.id, e.toString(), e);
      }
    }
    return result;
  }

  private StepResult perform(Run run, WorkflowStep step, Instant announced) {
    return switch (step) {
      case COLLECT -> collect(run, announced);
      case CLEANUP_PLAN -> plan(run, announced);
      case CLEANUP -> cleanup(run, announced);
      default -> done(step, StepResult.Status.OK, "", announced);
    };
  }

  private StepResult collect(Run run, Instant announced) {
    CollectContext context = new CollectContext(run.id, clock, this::progress);
    CollectResult collected = Objects.requireNonNull(collector.collect(context), "the collector returned null");
    current.set(collected.inventory());
    run.collectErrors.addAll(collected.errors());
    String message = collected.inventory().size() + " nodes, " + collected.inventory().edgeCount() + " edges"
        + (collected.hasErrors() ? "; " + count(collected.errors().size(), "source error", "source errors") : "");
    return done(WorkflowStep.COLLECT, StepResult.Status.OK, message, announced);
  }

  private void progress(CollectProgress progress) {
    // Showing progress must not break a collect, nor keep other listeners from seeing it.
    for (WorkflowListener l : listeners) {
      try {
        l.onCollectProgress(progress);
      } catch (RuntimeException e) {
        LOG.warn("workflow listener {} failed on collect progress: {}", l, e.toString(), e);
      }
    }
  }

  private StepResult plan(Run run, Instant announced) {
    Inventory snapshot = current.get();
    if (snapshot == null) {
      return done(WorkflowStep.CLEANUP_PLAN, StepResult.Status.SKIPPED, "no snapshot yet: run collect first", announced);
    }
    run.config = Objects.requireNonNull(cleanupConfig.get(), "the cleanup configuration supplier returned null");
    run.executor = Objects.requireNonNull(executorFactory.apply(run.config), "the executor factory returned null");
    run.plan = run.executor.plan(snapshot, state);
    return done(WorkflowStep.CLEANUP_PLAN, StepResult.Status.OK,
        count(run.plan.size(), "node", "nodes") + " planned in " + count(run.plan.passes().size(), "pass", "passes"),
        announced);
  }

  private StepResult cleanup(Run run, Instant announced) {
    CleanupConfig config = run.config != null ? run.config
        : Objects.requireNonNull(cleanupConfig.get(), "the cleanup configuration supplier returned null");
    if (!config.cleanup()) {
      return done(WorkflowStep.CLEANUP, StepResult.Status.SKIPPED, CLEANUP_DISABLED, announced);
    }
    if (run.plan == null) {
      return done(WorkflowStep.CLEANUP, StepResult.Status.SKIPPED,
          "no cleanup plan: the cleanup_plan step did not plan", announced);
    }
    try {
      run.report = run.executor.run(run.plan);
    } catch (CleanupRefusedException e) {
      // The executor enforces its configuration on every path; refused means nothing was done.
      LOG.warn("cleanup step skipped: {}", e.getMessage());
      return done(WorkflowStep.CLEANUP, StepResult.Status.SKIPPED, e.getMessage(), announced);
    }
    return done(WorkflowStep.CLEANUP, StepResult.Status.OK, summary(run.report), announced);
  }

  // For example "dry run: would_clean 26" or "cleaned 25, failed 1"; the report has the details.
  private static String summary(CleanupReport report) {
    String counts = report.totals().entrySet().stream().filter(e -> e.getValue() > 0)
        .map((Map.Entry<Outcome, Integer> e) -> e.getKey().label() + " " + e.getValue())
        .collect(Collectors.joining(", "));
    return (report.dryRun() ? "dry run: " : "") + (counts.isEmpty() ? "nothing to clean" : counts);
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private StepResult done(WorkflowStep step, StepResult.Status status, String message, Instant announced) {
    return new StepResult(step, status, message, Optional.empty(), announced, Duration.between(announced, clock.instant()));
  }

  /** What one run carries from step to step; confined to the running thread. */
  private static final class Run {
    final String id;
    final Workflow workflow;
    final Instant started;
    final List<StepResult> steps = new ArrayList<>();
    final List<WorkflowError> errors = new ArrayList<>();
    final List<SourceError> collectErrors = new ArrayList<>();
    CleanupConfig config;
    CleanupExecutor executor;
    CleanupPlan plan;
    CleanupReport report;

    Run(String id, Workflow workflow, Instant started) {
      this.id = id;
      this.workflow = workflow;
      this.started = started;
    }

    void listenerError(WorkflowStep step, WorkflowListener listener, Exception e) {
      LOG.warn("workflow {} run {}: listener {} failed at {}: {}", workflow, id, listener, step, e.toString(), e);
      errors.add(new WorkflowError(step, "listener " + listener, String.valueOf(e.getMessage()), Optional.of(e)));
    }
  }

  /** Builds {@link Workflows}; only the collector is required. */
  public static final class Builder {
    private Collector collector;
    private StateStore state = StateStore.inMemory();
    private Supplier<CleanupConfig> cleanupConfig = CleanupConfig::defaults;
    private Function<CleanupConfig, CleanupExecutor> executorFactory;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> runIds = () -> UUID.randomUUID().toString();
    private int historySize = 100;
    private final List<WorkflowListener> listeners = new ArrayList<>();
    private Inventory snapshot;

    private Builder() {}

    /** Where the {@code collect} step gets new snapshots. */
    public Builder collector(Collector collector) {
      this.collector = Objects.requireNonNull(collector, "collector");
      return this;
    }

    /** The marks and cleanup progress; in memory unless set. */
    public Builder state(StateStore state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /** The cleanup configuration, read once per run at {@code cleanup_plan} (so changes apply to the next run). */
    public Builder cleanupConfig(Supplier<CleanupConfig> cleanupConfig) {
      this.cleanupConfig = Objects.requireNonNull(cleanupConfig, "cleanupConfig");
      return this;
    }

    /** A fixed cleanup configuration. */
    public Builder cleanupConfig(CleanupConfig cleanupConfig) {
      Objects.requireNonNull(cleanupConfig, "cleanupConfig");
      this.cleanupConfig = () -> cleanupConfig;
      return this;
    }

    /**
     * Builds the executor for each run from that run's configuration; without this, {@code
     * CleanupExecutor.builder().config(config).clock(clock).build()} (cleaners found with
     * ServiceLoader).
     */
    public Builder executor(Function<CleanupConfig, CleanupExecutor> factory) {
      this.executorFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * One executor for every run. Its own configuration decides dry run; the {@link
     * #cleanupConfig} still decides whether the {@code cleanup} step runs it.
     */
    public Builder executor(CleanupExecutor executor) {
      Objects.requireNonNull(executor, "executor");
      this.executorFactory = config -> executor;
      return this;
    }

    /** The clock for run, step and event times; the system clock unless set. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Makes run ids; random UUIDs unless set. */
    public Builder runIds(Supplier<String> runIds) {
      this.runIds = Objects.requireNonNull(runIds, "runIds");
      return this;
    }

    /** How many runs {@link Workflows#history()} keeps; 100 unless set, at least 1. */
    public Builder historySize(int historySize) {
      if (historySize < 1) {
        throw new IllegalArgumentException("historySize must be at least 1, got " + historySize);
      }
      this.historySize = historySize;
      return this;
    }

    /** Adds a listener. */
    public Builder listener(WorkflowListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The snapshot a {@code cleanup} run uses before any collect. */
    public Builder snapshot(Inventory snapshot) {
      this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
      return this;
    }

    /**
     * @throws NullPointerException without a collector
     */
    public Workflows build() {
      return new Workflows(this);
    }
  }
}
