package dev.inventory.benchmarks;

import dev.inventory.query.ast.Pipeline;
import dev.inventory.query.parse.QueryParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** JMH benchmark behind {@link ParseSection}: one operation parses every line of {@link #LINES}. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {
  /** Command lines from the guide and the README. */
  static final List<String> LINES = List.of(
      "search is(access_key) and last_access > 90days <-- is(user) | count name",
      "search is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci] | count name",
      "search is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci] | clean",
      "search (last_use == used and last_access > 90days) or (last_use == never and age > 90days)",
      "search is(user) | list name, account, age as created",
      "search is(access_key) | sort last_access desc | head 10",
      "search is(user) and name == jenkins --> is(access_key) | protect \"break-glass key\"",
      "search /desired.clean == true and account == sandbox | unclean",
      "search is(access_key) and access_key_last_used.service_name =~ \"s3|ec2\" and ctime < 2025-01-01T00:00:00Z",
      "search is(account) and name in [prod, staging] -[1:]-> is(user) and with(empty, --> is(access_key) and access_key_status == Active)");

  @Benchmark
  public void parseAll(Blackhole bh) {
    for (String line : LINES) {
      Pipeline p = QueryParser.parseCommandLine(line);
      bh.consume(p);
    }
  }
}
