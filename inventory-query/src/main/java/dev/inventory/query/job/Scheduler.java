package dev.inventory.query.job;

import dev.inventory.workflow.CronExpression;
import dev.inventory.workflow.WorkflowResult;
import dev.inventory.workflow.Workflows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workflow ({@code collect_and_cleanup} by default) on a cron schedule ({@code 0 * * * *}
 * by default) and the scheduled {@link Jobs}, on one scheduler thread, in a configurable zone.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.builder(workflows).jobs(jobs).zone(ZoneId.of("Europe/Berlin")).build();
 * scheduler.start();
 * ...
 * scheduler.stop();   // waits for the running work
 * }</pre>
 *
 * <p>Every {@link #tick(Instant)} runs what fell due since the previous tick (each schedule at most
 * once per tick, however many fire times were missed). A workflow run still going when the next
 * one is due is not started a second time: the due run is counted in {@link #skipped()}. Tests call
 * {@code tick} directly with the instants they choose.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  private final Workflows workflows;
  private final Optional<Jobs> jobs;
  private final String workflow;
  private final CronExpression cron;
  private final boolean runsWorkflow;
  private final Consumer<Tick> listener;
  private final ZoneId zone;
  private final Clock clock;
  private final Duration pollInterval;
  private Instant lastTick;
  private int skipped;
  private ScheduledExecutorService thread;

  private Scheduler(Builder b) {
    this.workflows = b.workflows;
    this.jobs = Optional.ofNullable(b.jobs);
    this.workflow = b.workflow;
    this.cron = b.cron;
    this.runsWorkflow = b.runsWorkflow;
    this.listener = b.listener;
    this.zone = b.zone;
    this.clock = b.clock;
    this.pollInterval = b.pollInterval;
    this.lastTick = clock.instant();
  }

  /** Starts a builder for the scheduler of these workflows. */
  public static Builder builder(Workflows workflows) {
    return new Builder(Objects.requireNonNull(workflows, "workflows"));
  }

  /**
   * What one tick did: the workflow run it started, whether a due run was skipped because one was
   * still going, and the scheduled jobs it ran.
   *
   * <pre>{@code
   * Scheduler.Tick tick = scheduler.tick(Instant.parse("2026-05-01T11:00:00Z"));
   * tick.workflow().ifPresent(r -> System.out.println(r.render()));
   * }</pre>
   */
  public record Tick(Optional<WorkflowResult> workflow, boolean workflowSkipped, List<JobRun> jobs) {
    public Tick {
      Objects.requireNonNull(workflow, "workflow");
      jobs = List.copyOf(jobs);
    }
  }

  /**
   * Runs, in this thread, what fell due after the previous tick and up to {@code now}: the workflow
   * (unless a run is still going) and the active scheduled jobs, by id.
   */
  public synchronized Tick tick(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant since = lastTick;
    lastTick = now.isAfter(lastTick) ? now : lastTick;
    Optional<WorkflowResult> result = Optional.empty();
    boolean wasSkipped = false;
    if (runsWorkflow && due(cron, since, now)) {
      result = workflows.tryRun(workflow);
      if (result.isEmpty()) {
        wasSkipped = true;
        skipped++;
        LOG.info("scheduled workflow {} not started: a run is still going", workflow);
      }
    }
    List<JobRun> ran = new ArrayList<>();
    jobs.ifPresent(j -> j.scheduled().stream()
        .filter(job -> due(job.schedule().orElseThrow(), since, now))
        .forEach(job -> ran.add(j.runScheduled(job))));
    return new Tick(result, wasSkipped, ran);
  }

  private boolean due(CronExpression expression, Instant since, Instant now) {
    return expression.next(since.atZone(zone)).map(ZonedDateTime::toInstant).filter(t -> !t.isAfter(now)).isPresent();
  }

  /** How many due workflow runs were not started because one was still going. */
  public synchronized int skipped() {
    return skipped;
  }

  /** Starts the scheduler thread, which ticks with the clock's time every poll interval. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the scheduler is started already");
    }
    lastTick = clock.instant();
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "inventory-scheduler");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::safeTick, pollInterval.toMillis(), pollInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      Tick t = tick(clock.instant());
      if (t.workflow().isPresent() || t.workflowSkipped() || !t.jobs().isEmpty()) {
        listener.accept(t);
      }
    } catch (RuntimeException e) {
      // A failing tick must not end the schedule: the next one tries again.
      LOG.warn("scheduler tick failed: {}", e.toString(), e);
    }
  }

  /** Stops ticking and waits for the running work to finish. */
  public void stop() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = thread;
      thread = null;
    }
    if (t == null) {
      return;
    }
    t.shutdown();
    try {
      while (!t.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.info("scheduler: waiting for the running work to finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the scheduler thread runs. */
  public synchronized boolean isStarted() {
    return thread != null;
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Configures the {@link Scheduler}.
   *
   * <pre>{@code
   * Scheduler.builder(workflows).cron("30 2 * * mon-fri").zone(ZoneId.of("Europe/Berlin")).build();
   * }</pre>
   */
  public static final class Builder {
    private final Workflows workflows;
    private Jobs jobs;
    private String workflow = "collect_and_cleanup";
    private CronExpression cron = CronExpression.parse("0 * * * *");
    private ZoneId zone = ZoneId.systemDefault();
    private Clock clock = Clock.systemUTC();
    private Duration pollInterval = Duration.ofSeconds(1);
    private boolean runsWorkflow = true;
    private Consumer<Tick> listener = t -> { };

    private Builder(Workflows workflows) {
      this.workflows = workflows;
    }

    /** Also runs the active scheduled jobs of this registry. */
    public Builder jobs(Jobs jobs) {
      this.jobs = Objects.requireNonNull(jobs, "jobs");
      return this;
    }

    /** The workflow to run; default {@code collect_and_cleanup}. */
    public Builder workflow(String workflow) {
      this.workflow = Objects.requireNonNull(workflow, "workflow");
      workflows.history(workflow);
      return this;
    }

    /**
     * Runs only the scheduled jobs, no workflow: for a host (such as an interactive shell) that
     * runs workflows when it is asked to.
     *
     * @return this builder
     */
    public Builder withoutWorkflow() {
      this.runsWorkflow = false;
      return this;
    }

    /**
     * Is told, on the scheduler thread, what each tick of the started scheduler did, when it did
     * anything (a workflow run, a skipped run, a job run); a host prints the job runs with it.
     *
     * @param listener called after each tick that did something
     * @return this builder
     */
    public Builder listener(Consumer<Tick> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** When to run it; default {@code 0 * * * *} (hourly). */
    public Builder cron(String cron) {
      this.cron = CronExpression.parse(Objects.requireNonNull(cron, "cron"));
      return this;
    }

    /** The zone the cron expressions are read in; default the system zone. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The clock of the scheduler thread; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How often the scheduler thread looks at the clock; default one second. */
    public Builder pollInterval(Duration pollInterval) {
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, got " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /** The scheduler, not started. */
    public Scheduler build() {
      return new Scheduler(this);
    }
  }
}
