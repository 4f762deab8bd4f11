package dev.inventory.benchmarks;

import dev.inventory.query.ast.Command;
import dev.inventory.query.ast.Query;
import dev.inventory.query.ast.SearchCommand;
import dev.inventory.query.parse.QueryParser;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Command lines parsed per second over {@link ParseBenchmark#LINES}, measured with JMH (one forked
 * JVM, warm-up and measurement iterations). Ours only. The check: every line parses, and each search
 * query prints to text that parses back to an equal query.
 */
final class ParseSection implements Section {
  @Override
  public String name() {
    return "parse";
  }

  @Override
  public String description() {
    return "command lines parsed per second (JMH), guide and README queries";
  }

  @Override
  public List<Row> run(Options options) throws Exception {
    int lines = ParseBenchmark.LINES.size();
    int roundTrips = 0;
    for (String line : ParseBenchmark.LINES) {
      for (Command c : QueryParser.parseCommandLine(line).commands()) {
        if (c instanceof SearchCommand s) {
          Query q = s.query();
          if (!QueryParser.parse(q.toString()).equals(q)) {
            return List.of(Row.alone(name(), "parse", lines + " lines", "-", Double.NaN, "lines/s",
                "MISMATCH: '" + q + "' does not parse back to itself", false, ""));
          }
          roundTrips++;
        }
      }
    }
    int warmups = options.quick() ? 2 : 3;
    int iterations = options.quick() ? 3 : 5;
    TimeValue time = options.quick() ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(ParseBenchmark.class.getName() + ".parseAll")
        .forks(1)
        .warmupIterations(warmups)
        .warmupTime(time)
        .measurementIterations(iterations)
        .measurementTime(time)
        .jvmArgs("-Xms512m", "-Xmx512m")
        .verbosity(VerboseMode.SILENT)
        .shouldFailOnError(true)
        .build()).run();
    RunResult r = results.iterator().next();
    double opsPerSecond = r.getPrimaryResult().getScore();
    double error = r.getPrimaryResult().getScoreError();
    double linesPerSecond = opsPerSecond * lines;
    String ours = String.format(Locale.ROOT, "%,.0f lines/s", linesPerSecond);
    String note = String.format(Locale.ROOT,
        "JMH throughput, 1 fork, %d x %s warm-up, %d x %s measured; ± %,.0f lines/s (99.9%%); %.1f µs per line",
        warmups, time, iterations, time, error * lines, 1e6 / linesPerSecond);
    return List.of(Row.alone(name(), "parse: " + lines + " command lines from the guide and README", lines + " lines",
        ours, linesPerSecond, "lines/s", "all parse; " + roundTrips + " queries print and parse back equal", true, note));
  }
}
