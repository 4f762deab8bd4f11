package dev.inventory.cleanup;

import dev.inventory.Inventory;
import dev.inventory.cleanup.internal.DefaultCleanupExecutor;
import dev.inventory.cleanup.internal.Discovery;
import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cleans up what is marked: plans, then runs the passes in order and reports an outcome
 * per node. An interface, so that a host can replace the whole strategy; {@link #builder()} gives the
 * default implementation, which:
 *
 * <ul>
 *   <li>obeys its {@link CleanupConfig} whoever calls it (the Java API, a shell, a workflow, a
 *       scheduler): a run that is not a dry run while {@code cleanup} is false is refused before
 *       anything happens, with a {@link CleanupRefusedException} that says how to enable it;
 *   <li>refuses the whole real run, before any cleaner call (refresh included) and any state
 *       change, when the plan is larger than {@code cleanup_max_resources} ({@link
 *       CleanupRefusedException}). A dry run over the cap previews exactly that: it calls no
 *       cleaner either, reports every node as {@code skipped} with the reason, and says so in a
 *       note;
 *   <li>skips a node outside the account guards ({@code cleanup_accounts}, {@code
 *       cleanup_exclude_accounts}; the account is the nearest {@code account} ancestor over {@code
 *       default} edges) before any call, refresh included, in a dry run as in a real one, and keeps
 *       its mark;
 *   <li>runs each pass on a fresh pool of {@code cleanup_pool_size} threads; a pass starts when the
 *       previous one is done;
 *   <li>cleans a node only when every node that must be gone before it is gone, or was cleaned
 *       earlier in this run: its {@code delete}-edge successors and the {@code default}-edge
 *       successors of the kinds its kind declares with {@link
 *       dev.inventory.Kind.Builder#requiresGoneFirst(String...)} (a user's access keys), marked or
 *       not. Otherwise it is {@code skipped}, naming the nodes still there;
 *   <li>in a dry run (the default) only refreshes: no delete, no deactivate, no state change;
 *   <li>for each node re-reads its state (protected now, no longer marked: skipped), asks the kind's
 *       {@link Cleaner} to refresh it (gone: {@code already_gone}), skips it when it was used after
 *       the snapshot or its marking query no longer selects it (clearing the mark, as these reasons
 *       are final), and otherwise cleans it with the kind's {@link CleanupStrategy};
 *   <li>never lets one failure stop other nodes: a failed node stays marked for the next run;
 *   <li>records {@code metadata.cleaned} for cleaned nodes, writes every outcome to the audit sink
 *       and to slf4j, and tells listeners about steps, outcomes and progress.
 * </ul>
 *
 * <pre>{@code
 * CleanupExecutor executor = CleanupExecutor.builder()
 *     .config(CleanupConfig.load(Path.of("worker.yaml")))
 *     .cleaner(new IamAccessKeyCleaner(iam))           // or found with ServiceLoader
 *     .selectionCheck(new QuerySelectionCheck())       // inventory-query's; or found with ServiceLoader
 *     .auditSink(new JsonLinesAuditSink(Path.of("cleanup-audit.jsonl")))
 *     .build();
 * CleanupPlan plan = executor.plan(inventory, state);
 * System.out.println(plan);
 * CleanupReport report = executor.run(plan);
 * }</pre>
 */
public interface CleanupExecutor {

  /**
   * Plans a run over {@code snapshot} with the marks in {@code state}; {@link CleanupPlan#of} by
   * default.
   *
   * @param snapshot the snapshot to plan over
   * @param state the state store with the marks
   * @return the plan
   * @throws CleanupException for a cycle of delete edges between planned nodes
   */
  default CleanupPlan plan(Inventory snapshot, StateStore state) {
    return CleanupPlan.of(snapshot, state);
  }

  /**
   * Runs a plan.
   *
   * @param plan what to clean, from {@link #plan(Inventory, StateStore)}
   * @return the outcome of every planned node
   * @throws CleanupRefusedException when the run is refused before any action: a real run while
   *     {@code cleanup} is false, or a real run over {@code cleanup_max_resources}; failures of
   *     single nodes are outcomes in the report
   */
  CleanupReport run(CleanupPlan plan);

  /**
   * Plans and runs.
   *
   * @param snapshot the resources
   * @param state the marks
   * @return the outcome of every planned node
   * @throws CleanupRefusedException as {@link #run(CleanupPlan)}
   */
  default CleanupReport run(Inventory snapshot, StateStore state) {
    return run(plan(snapshot, state));
  }

  /**
   * A builder of the default executor: default config, system clock, no audit sink, discovery on.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the default {@link CleanupExecutor}. Cleaners and the selection check registered here win
   * over those found with {@link java.util.ServiceLoader}; two cleaners for one kind (both here, or
   * both discovered without one here), or two discovered selection checks, are a {@link
   * CleanupException} at {@link #build()} naming both.
   */
  final class Builder {
    private CleanupConfig config = CleanupConfig.defaults();
    private final List<Cleaner> cleaners = new ArrayList<>();
    private final Map<String, CleanupStrategy> strategies = new LinkedHashMap<>();
    private SelectionCheck selectionCheck;
    private Clock clock = Clock.systemUTC();
    private AuditSink auditSink = AuditSink.none();
    private final List<CleanupListener> listeners = new ArrayList<>();
    private ClassLoader classLoader = CleanupExecutor.class.getClassLoader();
    private boolean discover = true;

    private Builder() {}

    /**
     * The configuration; {@link CleanupConfig#defaults()} (a dry run) unless set.
     *
     * @param config the configuration
     * @return this builder
     */
    public Builder config(CleanupConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Registers a cleaner for its {@link Cleaner#kind()}.
     *
     * @param cleaner the cleaner
     * @return this builder
     */
    public Builder cleaner(Cleaner cleaner) {
      cleaners.add(Objects.requireNonNull(cleaner, "cleaner"));
      return this;
    }

    /**
     * Registers several cleaners.
     *
     * @param cleaners the cleaners
     * @return this builder
     */
    public Builder cleaners(Iterable<? extends Cleaner> cleaners) {
      cleaners.forEach(this::cleaner);
      return this;
    }

    /**
     * Chooses the strategy for a kind that has a cleaner; without this the cleaner's first is used.
     * The cleaner must list a strategy of the same name.
     *
     * @param kind the kind name
     * @param strategy the strategy for it
     * @return this builder
     */
    public Builder strategy(String kind, CleanupStrategy strategy) {
      strategies.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(strategy, "strategy"));
      return this;
    }

    /**
     * The check that re-runs marking queries; wins over one found with ServiceLoader.
     *
     * @param selectionCheck the check
     * @return this builder
     */
    public Builder selectionCheck(SelectionCheck selectionCheck) {
      this.selectionCheck = Objects.requireNonNull(selectionCheck, "selectionCheck");
      return this;
    }

    /**
     * The clock for timestamps, grace periods and durations; the system clock unless set.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where every outcome is recorded; none unless set (outcomes are always logged with slf4j).
     *
     * @param auditSink the sink
     * @return this builder
     */
    public Builder auditSink(AuditSink auditSink) {
      this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CleanupListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The class loader that {@link java.util.ServiceLoader} discovery uses; this library's unless
     * set.
     *
     * @param classLoader the class loader for discovery
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Turns {@link java.util.ServiceLoader} discovery of cleaners and selection checks off.
     *
     * @return this builder
     */
    public Builder withoutDiscovery() {
      this.discover = false;
      return this;
    }

    /**
     * @return the executor
     * @throws CleanupException for two cleaners of one kind, two discovered selection checks, or a
     *     strategy for a kind without a cleaner or that its cleaner does not list
     */
    public CleanupExecutor build() {
      Discovery found = discover ? Discovery.load(classLoader) : Discovery.none();
      return new DefaultCleanupExecutor(config, found.cleaners(cleaners), strategies,
          selectionCheck != null ? selectionCheck : found.selectionCheck().orElse(null), clock, auditSink, listeners);
    }
  }
}
