package dev.inventory.query;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.query.EngineFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.Fixtures;
import dev.inventory.query.parse.QueryParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One snapshot, one engine, compiled queries shared by threads: the same answers as one thread. */
class ConcurrentQueriesTest {
  private static final List<String> QUERIES = List.of(
      "is(access_key) and last_access > 90days <-- is(user)",
      "is(access_key) and last_access > 90days and /ancestors.user.reported.name not in [jenkins, ci]",
      "is(user) and account =~ \"^acct-1\" --> is(access_key) sort ctime desc limit 5",
      "is(account) -[1:]-> is(access_key) and last_use == never",
      "is(user) and with(count >= 2, --> is(access_key))",
      "\"jenkins\" and is(access_key)");

  private static Inventory organisation() {
    Fixtures.AwsBuilder aws = Fixtures.aws(CLOCK);
    for (int a = 0; a < 20; a++) {
      final int n = a;
      aws.account(String.format("2000000000%02d", a), "acct-" + a, acct -> {
        for (int u = 0; u < 10; u++) {
          final int m = u;
          acct.user(u == 0 ? "jenkins" : "user-" + u, usr -> usr
              .accessKey(k -> k.created(daysAgo(400)).lastUsed(daysAgo(30 + (n * 7 + m * 13) % 200)))
              .accessKey(k -> k.created(daysAgo(100 + m)).neverUsed()));
        }
      });
    }
    return aws.build();
  }

  @Test
  void should_answer_concurrent_queries_like_sequential_ones() throws Exception {
    // GIVEN one engine and the compiled queries, answered once on this thread
    QueryEngine engine = QueryEngine.of(organisation());
    List<CompiledQuery> compiled = QUERIES.stream().map(q -> engine.compile(QueryParser.parse(q))).toList();
    List<List<String>> expected = compiled.stream().map(ConcurrentQueriesTest::run).toList();
    assertThat(expected).allSatisfy(ids -> assertThat(ids).isNotEmpty());
    // WHEN 8 threads run every query several times, all starting together
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<List<String>>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        final int offset = t;
        Callable<List<List<String>>> task = () -> {
          start.await();
          List<List<String>> answers = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            for (int i = 0; i < compiled.size(); i++) {
              int q = (i + offset) % compiled.size();
              answers.add(run(compiled.get(q)));
            }
          }
          return answers;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      // THEN each thread saw exactly the sequential answers
      for (int t = 0; t < threads; t++) {
        List<List<String>> answers = futures.get(t).get(60, TimeUnit.SECONDS);
        for (int k = 0; k < answers.size(); k++) {
          int q = (k % compiled.size() + t) % compiled.size();
          assertThat(answers.get(k)).as("thread %d, query %s", t, QUERIES.get(q)).isEqualTo(expected.get(q));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> run(CompiledQuery q) {
    return q.run(CLOCK).nodes().stream().map(Resource::id).toList();
  }
}
