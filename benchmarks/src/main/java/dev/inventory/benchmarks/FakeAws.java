package dev.inventory.benchmarks;

import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the collect and cleanup sections share: the fixed clock, the latency of the fake, and
 * sessions that reach the loopback {@link FakeIam} only (its endpoint, the session's default regions,
 * each account's static credentials), with no client-side rate limit and short retry waits.
 */
final class FakeAws {
  /** The clock of the fake, the collector and the cleanup: last use is relative to it. */
  static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** The fake's answer time per call at default and --quick sizes. */
  static final Duration LATENCY = Duration.ofMillis(20);
  /** The first backoff of the SDK before a retry (throttling or not), doubling with full jitter. */
  static final Duration RETRY_DELAY = Duration.ofMillis(20);
  /** Attempts per call, the first included. */
  static final int MAX_ATTEMPTS = 24;

  /** How the sessions retry, for the notes. */
  static final String RETRIES = "SDK standard retries, " + MAX_ATTEMPTS + " attempts, exponential backoff with full"
      + " jitter from 20 ms up to 200 ms (throttling too)";

  private FakeAws() {}

  /** A session reaching {@code accountIds} in {@code fake}, without rate limit (requestsPerSecond 0). */
  static AwsSession session(FakeIam fake, List<String> accountIds) {
    AwsSession.Builder b = AwsSession.builder()
        .endpointOverride(fake.endpoint())
        .requestsPerSecond(0)
        .retries(MAX_ATTEMPTS, RETRY_DELAY, Duration.ofMillis(200));
    for (String id : accountIds) {
      b.access(AwsAccess.credentials(fake.account(id).credentials()));
    }
    return b.build();
  }

  /** Calls per action, answered with {@code status}. */
  static Map<String, Long> countsWithStatus(List<FakeCall> calls, int status) {
    return calls.stream().filter(c -> c.status() == status)
        .collect(Collectors.groupingBy(FakeCall::action, TreeMap::new, Collectors.counting()));
  }

  /** CPU time of this whole process (the client and the fake share it), in seconds; NaN if not known. */
  static double processCpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      return nanos < 0 ? Double.NaN : nanos / 1e9;
    }
    return Double.NaN;
  }

  /** The system's load average over the last minute, for the notes (other work on the machine skews times). */
  static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "load unknown" : String.format(Locale.ROOT, "load average %.1f", load);
  }

  /** {@code calls / concurrency x latency} in milliseconds: the wall time if every slot were always busy. */
  static double lowerBoundMillis(long calls, int concurrency, Duration latency) {
    return (double) calls / concurrency * latency.toNanos() / 1e6;
  }
}
