package dev.inventory.benchmarks;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsIamUser;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.Fixtures;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Collect: {@link IamCollector} against the loopback {@link FakeIam} with a fixed
 * latency per call, one account of generated users with one or two keys each.
 *
 * <p>Rows: (a) last use per key, (b) from the credential report, each at the default concurrency
 * (8 calls in flight) with the number of calls the fake logged, against the lower bound {@code calls
 * / concurrency x latency} (ratio = bound / measured: 1 would be ideal); (c) the report mode
 * collected sequentially ({@code concurrency(1)}) against the concurrent one (ratio = sequential /
 * concurrent). Every collect gets a fresh fake seeded from the same fixture, so each one generates
 * its own credential report. The check: every mode yields the seeded users and keys with the seeded
 * last use, per key id, and the calls per action are those the mode should make.
 */
final class CollectSection implements Section {
  static final String ACCOUNT = "111111111111";
  /** The report's first poll wait; it doubles up to {@link #POLL_MAX}. */
  static final Duration POLL_INITIAL = Duration.ofMillis(100);
  static final Duration POLL_MAX = Duration.ofSeconds(1);

  /**
   * What to run.
   *
   * @param users users in the account (even ones get a second key)
   * @param sequentialUsers users for row (c), the same or a prefix of them when a sequential collect
   *     of all would take too long
   * @param latency the fake's answer time per call
   */
  record Settings(int users, int sequentialUsers, Duration latency) {
    Settings {
      if (users < 1 || sequentialUsers < 1 || sequentialUsers > users) {
        throw new IllegalArgumentException("expected 1 <= sequentialUsers <= users, got " + sequentialUsers
            + " and " + users);
      }
      Objects.requireNonNull(latency, "latency");
    }

    static Settings of(Options o) {
      // A sequential collect of all 2,000 users takes about 90 s: row (c) uses the first 500.
      return o.quick() ? new Settings(200, 200, FakeAws.LATENCY) : new Settings(2_000, 500, FakeAws.LATENCY);
    }
  }

  @Override
  public String name() {
    return "collect";
  }

  @Override
  public String description() {
    return "IAM collect against the loopback fake (20 ms a call): per key, credential report, sequential";
  }

  @Override
  public String legend() {
    return "comparison = lower bound calls / concurrency x latency (ratio at most 1; 1 = ideal), in row c the"
        + " sequential collect (ratio = speed-up of concurrency)";
  }

  @Override
  public List<Row> run(Options options) throws Exception {
    return run(Settings.of(options));
  }

  List<Row> run(Settings s) {
    // Untimed: load and warm the SDK, the collector and the fake.
    collect(seed(50), LastUsedMode.PER_KEY, IamCollector.DEFAULT_CONCURRENCY, Duration.ZERO);
    collect(seed(50), LastUsedMode.CREDENTIAL_REPORT, IamCollector.DEFAULT_CONCURRENCY, Duration.ZERO);

    Inventory seeded = seed(s.users());
    Map<String, KeyState> expected = keys(seeded);
    int concurrency = IamCollector.DEFAULT_CONCURRENCY;
    Run perKey = collect(seeded, LastUsedMode.PER_KEY, concurrency, s.latency());
    Run report = collect(seeded, LastUsedMode.CREDENTIAL_REPORT, concurrency, s.latency());
    System.err.printf(Locale.ROOT, "collect: per-key %.1f s, %d calls %s; report %.1f s, %d calls %s%n",
        perKey.millis / 1000, perKey.calls(), perKey.counts, report.millis / 1000, report.calls(), report.counts);

    String size = Row.count(s.users()) + " users, " + Row.count(expected.size()) + " keys";
    String check = compare(seeded, expected, perKey, report);
    boolean ok = !check.startsWith("MISMATCH");
    String how = "1 account, fresh fake per collect, latency " + s.latency().toMillis() + " ms per call, concurrency "
        + concurrency + ", no client-side rate limit (requestsPerSecond 0), user tags read";
    List<Row> rows = new ArrayList<>();
    rows.add(boundRow("a. collect per-key: " + Row.count(perKey.calls()) + " calls vs calls / " + concurrency + " x "
        + s.latency().toMillis() + " ms", size, perKey, concurrency, s.latency(), check, ok,
        how + "; GetAccessKeyLastUsed per key; the report is still fetched for the root user (rootUser default)"));
    rows.add(boundRow("b. collect credential-report: " + Row.count(report.calls()) + " calls vs calls / " + concurrency
        + " x " + s.latency().toMillis() + " ms", size, report, concurrency, s.latency(), check, ok,
        how + "; report: reportGenerationPolls(1), reportPolling initial " + POLL_INITIAL.toMillis() + " ms, max "
            + POLL_MAX.toMillis() + " ms"));

    // (c) sequential against concurrent, both in report mode, on the same (sub)set of users
    Inventory subset = s.sequentialUsers() == s.users() ? seeded : seed(s.sequentialUsers());
    Run concurrent = subset == seeded
        ? report : collect(subset, LastUsedMode.CREDENTIAL_REPORT, concurrency, s.latency());
    Run sequential = collect(subset, LastUsedMode.CREDENTIAL_REPORT, 1, s.latency());
    Map<String, KeyState> subsetExpected = subset == seeded ? expected : keys(subset);
    String seqCheck = sameAsSeed(sequential, subset, subsetExpected)
        .map(m -> "MISMATCH: sequential: " + m)
        .orElse("sequential = seed; " + Row.count(sequential.calls()) + " calls each"
            + (sequential.calls() == concurrent.calls() ? "" : " (MISMATCH: concurrent " + concurrent.calls() + ")"));
    boolean seqOk = !seqCheck.contains("MISMATCH");
    String subsetNote = subset == seeded ? "" : "; measured on the first " + Row.count(s.sequentialUsers())
        + " users only, to stay in the time budget";
    rows.add(Row.timed(name(), "c. credential-report sequential (concurrency 1) vs concurrent (" + concurrency + ")",
        Row.count(s.sequentialUsers()) + " users, " + Row.count(subsetExpected.size()) + " keys",
        concurrent.millis, sequential.millis, seqCheck, seqOk,
        "ratio = sequential / concurrent; sequential lower bound " + Row.millis(FakeAws.lowerBoundMillis(
            sequential.calls(), 1, s.latency())) + subsetNote + "; sequential " + sequential.usage()));
    return rows;
  }

  private Row boundRow(String label, String size, Run run, int concurrency, Duration latency, String check, boolean ok,
      String note) {
    double bound = FakeAws.lowerBoundMillis(run.calls(), concurrency, latency);
    return Row.timed(name(), label, size, run.millis, bound, check, ok,
        note + "; comparison = lower bound " + Row.millis(bound) + "; calls " + run.counts + "; " + run.usage());
  }

  // ---- the data ---------------------------------------------------------------------------------

  /**
   * One account of {@code users} users named {@code user-00000}...: even users have two keys, odd
   * users one. Last use, drawn with a fixed seed: 15% never used, 10% in the last day, 35% 1-90 days
   * ago, 40% 91-700 days ago (services and regions varied); 10% of keys inactive. Keys are created
   * before their use, a user's second key after the first (to the second, as IAM reports it).
   */
  static Inventory seed(int users) {
    SplittableRandom random = new SplittableRandom(20260501L);
    String[] services = {"s3", "ec2", "sts", "iam", "lambda", "dynamodb"};
    String[] regions = {"us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"};
    Instant now = FakeAws.NOW;
    return Fixtures.aws(FakeAws.CLOCK).account(ACCOUNT, "bench", a -> {
      for (int i = 0; i < users; i++) {
        int n = i;
        int keys = i % 2 == 0 ? 2 : 1;
        long firstCreated = 200 + random.nextInt(1_300);
        long secondCreated = 1 + random.nextInt((int) firstCreated - 1);
        a.user(String.format(Locale.ROOT, "user-%05d", i), u -> {
          u.tag("team", "t" + (n % 7));
          for (int k = 0; k < keys; k++) {
            long createdDays = k == 0 ? firstCreated : secondCreated;
            Instant created = now.minus(Duration.ofDays(createdDays)).minusSeconds(random.nextInt(86_400));
            String id = String.format(Locale.ROOT, "AKIABENCH%d%010d", k + 1, n);
            double r = random.nextDouble();
            Instant used;
            if (r < 0.15) {
              used = null;
            } else if (r < 0.25) {
              used = now.minusSeconds(60 + random.nextInt(86_000));
            } else if (r < 0.60) {
              used = now.minus(Duration.ofDays(1 + random.nextInt(90))).minusSeconds(random.nextInt(86_400));
            } else {
              used = now.minus(Duration.ofDays(91 + random.nextInt(610))).minusSeconds(random.nextInt(86_400));
            }
            if (used != null && used.isBefore(created)) {
              used = created.plusSeconds(3_600);
            }
            boolean inactive = random.nextDouble() < 0.10;
            Instant usedAt = used;
            String service = services[random.nextInt(services.length)];
            String region = regions[random.nextInt(regions.length)];
            u.accessKey(id, kb -> {
              kb.created(created);
              if (usedAt == null) {
                kb.neverUsed();
              } else {
                kb.lastUsed(usedAt, service, region);
              }
              if (inactive) {
                kb.inactive();
              }
            });
          }
        });
      }
    }).build();
  }

  /** What the check compares per key id. */
  record KeyState(String user, AccessKeyStatus status, LastUse lastUse) {}

  static Map<String, KeyState> keys(Inventory inventory) {
    Map<String, KeyState> out = new TreeMap<>();
    for (AwsIamAccessKey k : inventory.ofType(AwsIamAccessKey.class)) {
      out.put(k.id(), new KeyState(k.userName(), k.accessKeyStatus().orElse(null), k.lastUse()));
    }
    return out;
  }

  static Map<String, String> users(Inventory inventory) {
    Map<String, String> out = new TreeMap<>();
    for (AwsIamUser u : inventory.ofType(AwsIamUser.class)) {
      out.put(u.id(), u.name().orElse(""));
    }
    return out;
  }

  // ---- one collect ----------------------------------------------------------------------------

  /** One timed collect, its result and the fake's calls per action. */
  record Run(CollectResult result, double millis, double cpuSeconds, String load, Map<String, Long> counts) {
    long calls() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    String usage() {
      return String.format(Locale.ROOT, "process CPU (collector and fake) %.1f s; %s at the start", cpuSeconds, load);
    }
  }

  /** A fresh fake seeded with {@code seeded}, one collect timed; the fake and the session are set up untimed. */
  static Run collect(Inventory seeded, LastUsedMode mode, int concurrency, Duration latency) {
    try (FakeIam fake = FakeIam.builder().clock(FakeAws.CLOCK).start()) {
      fake.seed(seeded).reportGenerationPolls(1).latency(latency);
      try (AwsSession session = FakeAws.session(fake, List.of(ACCOUNT))) {
        IamCollector collector = IamCollector.builder(session).lastUsed(mode).concurrency(concurrency)
            .reportPolling(POLL_INITIAL, POLL_MAX, Duration.ofMinutes(2)).build();
        String load = FakeAws.load();
        double cpu0 = FakeAws.processCpuSeconds();
        long t0 = System.nanoTime();
        CollectResult result = collector.collect(CollectContext.of(FakeAws.CLOCK));
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Run(result, millis, FakeAws.processCpuSeconds() - cpu0, load, fake.callCounts());
      }
    }
  }

  // ---- the check ------------------------------------------------------------------------------

  /** The check cell: both modes equal the seed per key id, and each made the calls it should. */
  static String compare(Inventory seeded, Map<String, KeyState> expected, Run perKey, Run report) {
    List<String> problems = new ArrayList<>();
    sameAsSeed(perKey, seeded, expected).ifPresent(m -> problems.add("per-key: " + m));
    sameAsSeed(report, seeded, expected).ifPresent(m -> problems.add("report: " + m));
    long users = users(seeded).size();
    long keys = expected.size();
    expectCount(problems, "per-key", perKey, "GetAccessKeyLastUsed", keys);
    expectCount(problems, "per-key", perKey, "ListAccessKeys", users);
    expectCount(problems, "report", report, "GetAccessKeyLastUsed", 0);
    expectCount(problems, "report", report, "ListAccessKeys", users);
    expectCount(problems, "report", report, "GetCredentialReport", 1);
    if (!problems.isEmpty()) {
      return "MISMATCH: " + String.join("; ", problems);
    }
    long perKeyLastUse = perKey.counts.getOrDefault("GetAccessKeyLastUsed", 0L);
    long reportCalls = report.counts.getOrDefault("GenerateCredentialReport", 0L)
        + report.counts.getOrDefault("GetCredentialReport", 0L);
    return String.format(Locale.ROOT, "both = seed per key (%s users, %s keys: user, status, last use); "
            + "calls per-key %s (%s GetAccessKeyLastUsed), report %s (%s report calls)",
        Row.count(users), Row.count(keys), Row.count(perKey.calls()), Row.count(perKeyLastUse),
        Row.count(report.calls()), Row.count(reportCalls));
  }

  /** Empty when the collect has no errors and the seeded users and keys, per id; else what differs. */
  static java.util.Optional<String> sameAsSeed(Run run, Inventory seeded, Map<String, KeyState> expected) {
    if (!run.result.errors().isEmpty()) {
      return java.util.Optional.of(run.result.errors().size() + " errors, first " + run.result.errors().get(0));
    }
    Map<String, String> users = users(run.result.inventory());
    if (!users.equals(users(seeded))) {
      return java.util.Optional.of(users.size() + " users, expected " + users(seeded).size());
    }
    Map<String, KeyState> got = keys(run.result.inventory());
    if (!got.keySet().equals(expected.keySet())) {
      return java.util.Optional.of(got.size() + " keys, expected " + expected.size());
    }
    for (var e : expected.entrySet()) {
      if (!e.getValue().equals(got.get(e.getKey()))) {
        return java.util.Optional.of("key " + e.getKey() + " is " + got.get(e.getKey()) + ", expected " + e.getValue());
      }
    }
    return java.util.Optional.empty();
  }

  private static void expectCount(List<String> problems, String mode, Run run, String action, long expected) {
    long got = run.counts.getOrDefault(action, 0L);
    if (got != expected) {
      problems.add(mode + ": " + got + " " + action + " calls, expected " + expected);
    }
  }
}
