package dev.inventory.benchmarks;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A small timing harness for operations over large shared data (which JMH would rebuild in every
 * fork): warm up until both a number of runs and a time have passed, then time single runs until
 * both a minimum number of runs and a time have passed (with a cap), and report the median. Every
 * result is folded into a sink so the JIT cannot drop the work.
 */
final class Measure {
  /**
   * How long to warm up and to measure.
   *
   * @param warmupRuns at least this many warm-up runs
   * @param warmupMillis and at least this long
   * @param runs at least this many measured runs
   * @param measureMillis and at least this long
   * @param maxRuns at most this many runs in each phase
   */
  record Budget(int warmupRuns, long warmupMillis, int runs, long measureMillis, int maxRuns) {
    static final Budget DEFAULT = new Budget(5, 1500, 7, 2000, 41);
    static final Budget QUICK = new Budget(3, 300, 5, 400, 21);

    static Budget of(Options o) {
      return o.quick() ? QUICK : DEFAULT;
    }
  }

  /**
   * Timings of one operation in milliseconds.
   *
   * @param median the median of the measured runs
   * @param min the fastest run
   * @param max the slowest run
   * @param runs how many runs were measured
   */
  record Result(double median, double min, double max, int runs) {
    String describe() {
      return String.format(java.util.Locale.ROOT, "median of %d runs, min %s, max %s", runs, Row.millis(min), Row.millis(max));
    }
  }

  private static volatile int sink;

  private Measure() {}

  static Result time(Budget budget, Callable<?> op) throws Exception {
    long end = System.nanoTime() + budget.warmupMillis() * 1_000_000;
    for (int i = 0; i < budget.maxRuns() && (i < budget.warmupRuns() || System.nanoTime() < end); i++) {
      consume(op.call());
    }
    double[] times = new double[budget.maxRuns()];
    int n = 0;
    end = System.nanoTime() + budget.measureMillis() * 1_000_000;
    while (n < budget.maxRuns() && (n < budget.runs() || System.nanoTime() < end)) {
      long t0 = System.nanoTime();
      Object r = op.call();
      times[n++] = (System.nanoTime() - t0) / 1e6;
      consume(r);
    }
    double[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Result(median, sorted[0], sorted[n - 1], n);
  }

  private static void consume(Object o) {
    sink += o == null ? 0 : o.hashCode();
  }
}
