package dev.inventory.benchmarks;

import dev.inventory.Inventory;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.Fixtures;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.command.CommandResult;
import dev.inventory.query.command.Commands;
import dev.inventory.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Cleanup: {@link CleanupExecutor} with {@link IamAccessKeyCleaner} against the loopback
 * {@link FakeIam} (fixed latency per call), deleting the keys the guide's clean query marks, at pool
 * sizes 1, 4, 16 and 64; then the same with a fraction of all calls answered {@code Throttling}.
 *
 * <p>The snapshot is a fixture; every run gets a fresh fake seeded from it, a fresh state store
 * marked by the guide's command line and a fresh session, all untimed. Timed: {@code
 * executor.run(snapshot, state)} (plan, then per key {@code ListAccessKeys}, {@code
 * GetAccessKeyLastUsed}, the re-check of the marking query, {@code DeleteAccessKey}). Ratio = the
 * time at pool size 1 / this time (the speed-up). The check: every planned key {@code cleaned}, one
 * {@code DeleteAccessKey} answered 200 per planned key id, none of them left in the fake, no other
 * key deleted.
 */
final class CleanupSection implements Section {
  /** The guide's step 4, with a reason. */
  static final String CLEAN = "search is(access_key) and last_access > 90days"
      + " and /ancestors.user.reported.name not in [jenkins, ci] | clean \"unused for 90 days\"";
  static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");
  static final double THROTTLE = 0.20;

  /**
   * What to run.
   *
   * @param keys stale keys to delete, spread over {@link #ACCOUNTS}
   * @param pools the pool sizes, the first one the base of the speed-up
   * @param latency the fake's answer time per call
   * @param throttle the fraction of calls answered Throttling in the second round
   */
  record Settings(int keys, List<Integer> pools, Duration latency, double throttle) {
    Settings {
      if (keys < ACCOUNTS.size() || keys % ACCOUNTS.size() != 0) {
        throw new IllegalArgumentException("keys is a positive multiple of " + ACCOUNTS.size() + ", got " + keys);
      }
      pools = List.copyOf(pools);
      if (pools.isEmpty() || pools.stream().anyMatch(p -> p < 1)) {
        throw new IllegalArgumentException("expected pool sizes of at least 1, got " + pools);
      }
      Objects.requireNonNull(latency, "latency");
    }

    static Settings of(Options o) {
      return new Settings(o.quick() ? 100 : 1_000, List.of(1, 4, 16, 64), FakeAws.LATENCY, THROTTLE);
    }
  }

  @Override
  public String name() {
    return "cleanup";
  }

  @Override
  public String description() {
    return "stale key cleanup against the loopback fake (20 ms a call): pool 1, 4, 16, 64, then 20% throttled";
  }

  @Override
  public String legend() {
    return "comparison = the time at pool size 1 in the same round (ratio = speed-up over pool 1); process CPU in"
        + " the notes near cores x wall time means the run was bound by this machine's CPU, not by the calls";
  }

  @Override
  public List<Row> run(Options options) throws Exception {
    return run(Settings.of(options));
  }

  List<Row> run(Settings s) {
    // Untimed: load and warm the SDK, the executor, the query engine and the fake.
    Inventory small = snapshot(20);
    cleanup(small, expectedStale(small), 4, Duration.ZERO, 0);

    Inventory snapshot = snapshot(s.keys());
    Set<String> planned = expectedStale(snapshot);
    int otherKeys = snapshot.ofType(AwsIamAccessKey.class).size() - planned.size();
    String size = Row.count(planned.size()) + " keys, " + ACCOUNTS.size() + " accounts";
    List<Row> rows = new ArrayList<>();
    for (double throttle : new double[] {0, s.throttle()}) {
      Double base = null;
      for (int pool : s.pools()) {
        Run run = cleanup(snapshot, planned, pool, s.latency(), throttle);
        if (base == null) {
          base = run.millis;
        }
        String check = check(run, planned);
        System.err.printf(Locale.ROOT, "cleanup: pool %d%s %.1f s, %d calls, %s%n", pool,
            throttle > 0 ? " throttled" : "", run.millis / 1000, run.calls.size(), check);
        long throttled = run.calls.stream().filter(c -> "Throttling".equals(c.errorCode())).count();
        String note = "ratio = time at pool " + s.pools().get(0) + " / this (speed-up); " + Row.count(run.calls.size())
            + " calls (" + Row.count(throttled) + " throttled), ideal calls x " + s.latency().toMillis()
            + " ms / pool = " + Row.millis(FakeAws.lowerBoundMillis(run.calls.size(), pool, s.latency()))
            + "; dry run off, delete, QuerySelectionCheck, fresh fake, state and session per run,"
            + " no client-side rate limit; "
            + Row.count(otherKeys) + " other keys (recent, never used, jenkins/ci) must stay; "
            + String.format(Locale.ROOT, "process CPU (executor, SDK and fake) %.1f s; %s at the start",
                run.cpuSeconds, run.load)
            + (throttle > 0 ? "; " + FakeAws.RETRIES : "");
        rows.add(Row.timed(name(), String.format(Locale.ROOT, "%s pool %d%s", throttle > 0 ? "e." : "d.", pool,
                throttle > 0 ? String.format(Locale.ROOT, ", %.0f%% of calls throttled", throttle * 100) : ""),
            size, run.millis, base, check, !check.startsWith("MISMATCH"), note));
      }
    }
    return rows;
  }

  // ---- the data ---------------------------------------------------------------------------------

  /**
   * {@code staleKeys} users spread over the accounts, each with one key last used 91-700 days ago (the
   * guide's query marks them), every third also with a key used yesterday; per account also {@code
   * jenkins} and {@code ci} with stale keys (the query leaves them) and a few keys never used.
   */
  static Inventory snapshot(int staleKeys) {
    Instant now = FakeAws.NOW;
    int perAccount = staleKeys / ACCOUNTS.size();
    Fixtures.AwsBuilder b = Fixtures.aws(FakeAws.CLOCK);
    for (int a = 0; a < ACCOUNTS.size(); a++) {
      int acct = a;
      b.account(ACCOUNTS.get(a), "bench-" + (char) ('a' + a), spec -> {
        for (int i = 0; i < perAccount; i++) {
          int n = i;
          spec.user(String.format(Locale.ROOT, "svc-%05d", i), u -> {
            u.accessKey(keyId(acct, 1, n), k -> k.created(now.minus(Duration.ofDays(900)))
                .lastUsed(now.minus(Duration.ofDays(91 + (n * 37L) % 610)), "s3", "us-east-1"));
            if (n % 3 == 0) {
              u.accessKey(keyId(acct, 2, n), k -> k.created(now.minus(Duration.ofDays(30)))
                  .lastUsed(now.minus(Duration.ofHours(20)), "ec2", "eu-west-1"));
            }
          });
        }
        for (String excluded : List.of("jenkins", "ci")) {
          spec.user(excluded, u -> u.accessKey(k -> k.created(now.minus(Duration.ofDays(800)))
              .lastUsed(now.minus(Duration.ofDays(400)), "codebuild", "us-east-1")));
        }
        spec.user("new-hire", u -> u.accessKey(k -> k.created(now.minus(Duration.ofDays(200))).neverUsed()));
      });
    }
    return b.build();
  }

  private static String keyId(int account, int slot, int n) {
    return String.format(Locale.ROOT, "AKIACLEAN%d%d%09d", account, slot, n);
  }

  /** The keys the guide's query should mark: the first key of each {@code svc-} user. */
  static Set<String> expectedStale(Inventory snapshot) {
    return snapshot.ofType(AwsIamAccessKey.class).stream()
        .filter(k -> k.userName().startsWith("svc-") && k.id().charAt(10) == '1')
        .map(AwsIamAccessKey::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  // ---- one run ----------------------------------------------------------------------------------

  /**
   * One timed cleanup and what it left.
   *
   * @param marked the ids the clean command marked
   * @param report the executor's report
   * @param millis the executor's wall time
   * @param calls the fake's call log
   * @param left the planned keys still in the fake afterwards
   * @param othersLeft how many of the keys not planned are still in the fake
   * @param others how many keys were not planned
   * @param cpuSeconds CPU time of the whole process (executor, SDK and fake) during the run
   * @param load the system's load average before the run
   */
  record Run(Set<String> marked, CleanupReport report, double millis, List<FakeCall> calls, Set<String> left,
      int othersLeft, int others, double cpuSeconds, String load) {}

  static Run cleanup(Inventory snapshot, Set<String> planned, int pool, Duration latency, double throttle) {
    StateStore state = StateStore.inMemory();
    CommandResult marked = Commands.builder().inventory(snapshot).state(state).clock(FakeAws.CLOCK).build()
        .execute(CLEAN);
    Set<String> markedIds = marked instanceof CommandResult.Marked m ? new TreeSet<>(m.ids()) : Set.of();
    try (FakeIam fake = FakeIam.builder().clock(FakeAws.CLOCK).seed(pool).start()) {
      fake.seed(snapshot).latency(latency);
      try (AwsSession session = FakeAws.session(fake, ACCOUNTS)) {
        CleanupExecutor executor = CleanupExecutor.builder().withoutDiscovery()
            .config(CleanupConfig.builder().cleanup(true).dryRun(false).poolSize(pool).build())
            .clock(FakeAws.CLOCK)
            .cleaner(new IamAccessKeyCleaner(session))
            .selectionCheck(new QuerySelectionCheck())
            .build();
        fake.throttleFraction(throttle);
        String load = FakeAws.load();
        double cpu0 = FakeAws.processCpuSeconds();
        long t0 = System.nanoTime();
        CleanupReport report = executor.run(snapshot, state);
        double millis = (System.nanoTime() - t0) / 1e6;
        double cpu = FakeAws.processCpuSeconds() - cpu0;
        fake.throttleFraction(0);
        Set<String> left = new TreeSet<>();
        int othersLeft = 0;
        int others = 0;
        for (AwsIamAccessKey k : snapshot.ofType(AwsIamAccessKey.class)) {
          boolean present = ACCOUNTS.stream().anyMatch(a -> fake.account(a).findKey(k.id()).isPresent());
          if (planned.contains(k.id())) {
            if (present) {
              left.add(k.id());
            }
          } else {
            others++;
            othersLeft += present ? 1 : 0;
          }
        }
        return new Run(markedIds, report, millis, fake.calls(), left, othersLeft, others, cpu, load);
      }
    }
  }

  // ---- the check --------------------------------------------------------------------------------

  /** The check cell; starts with {@code MISMATCH} when anything is off. */
  static String check(Run run, Set<String> planned) {
    List<String> problems = new ArrayList<>();
    if (!run.marked().equals(planned)) {
      problems.add("the clean command marked " + run.marked().size() + " keys, expected " + planned.size());
    }
    Map<Outcome, Integer> totals = run.report().totals();
    if (totals.get(Outcome.CLEANED) != planned.size() || run.report().nodes().size() != planned.size()) {
      List<NodeResult> other = run.report().nodes().stream().filter(n -> n.outcome() != Outcome.CLEANED).toList();
      problems.add("outcomes " + nonZero(totals) + ", expected cleaned " + planned.size()
          + (other.isEmpty() ? "" : " (first: " + other.get(0).id() + " " + other.get(0).outcome() + " "
              + other.get(0).reason() + other.get(0).error().map(e -> ": " + e).orElse("") + ")"));
    }
    Map<String, Integer> deleted = new HashMap<>();
    for (FakeCall c : run.calls()) {
      if (c.action().equals("DeleteAccessKey") && c.status() == 200) {
        deleted.merge(c.params().get("AccessKeyId"), 1, Integer::sum);
      }
    }
    long once = planned.stream().filter(id -> deleted.getOrDefault(id, 0) == 1).count();
    long twice = deleted.values().stream().filter(n -> n > 1).count();
    Set<String> notPlanned = new TreeSet<>(deleted.keySet());
    notPlanned.removeAll(planned);
    if (once != planned.size()) {
      problems.add((planned.size() - once) + " planned keys not deleted exactly once (" + twice + " more than once)");
    }
    if (!notPlanned.isEmpty()) {
      problems.add(notPlanned.size() + " keys deleted that were not planned, first " + notPlanned.iterator().next());
    }
    if (!run.left().isEmpty()) {
      problems.add(run.left().size() + " planned keys still in the fake, first " + run.left().iterator().next());
    }
    if (run.othersLeft() != run.others()) {
      problems.add((run.others() - run.othersLeft()) + " keys that were not planned are gone");
    }
    if (!problems.isEmpty()) {
      return "MISMATCH: " + String.join("; ", problems);
    }
    return String.format(Locale.ROOT, "%s cleaned, each deleted once (DeleteAccessKey 200), none left;"
        + " 0 skipped, 0 failed; %s others kept", Row.count(planned.size()), Row.count(run.others()));
  }

  private static String nonZero(Map<Outcome, Integer> totals) {
    return totals.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
