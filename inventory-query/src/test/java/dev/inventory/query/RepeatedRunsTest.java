package dev.inventory.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.parse.QueryParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One engine runs many queries and the same compiled query many times; what it remembers about the
 * snapshot between runs (the times behind age, last_update, last_access) must never change an
 * answer: not for another clock, not at the edges of the time range, not for a second query.
 */
class RepeatedRunsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private static Resource node(String id, Instant atime) {
    GenericResource.Builder b = GenericResource.builder(id, "thing").name(id);
    if (atime != null) {
      b.atime(atime).ctime(atime);
    }
    return b.build();
  }

  private static final Inventory INVENTORY = Inventory.builder()
      .add(node("epoch", Instant.EPOCH))
      .add(node("epoch-plus-1ns", Instant.EPOCH.plusNanos(1)))
      .add(node("ancient", Instant.parse("1000-01-01T00:00:00Z")))   // beyond long nanoseconds
      .add(node("far-future", Instant.parse("3000-01-01T00:00:00Z"))) // beyond long nanoseconds
      .add(node("stale", NOW.minus(Duration.ofDays(120))))
      .add(node("exactly-90-days", NOW.minus(Duration.ofDays(90))))
      .add(node("fresh", NOW.minus(Duration.ofDays(3)).plusNanos(7)))
      .add(node("no-time", null))
      .build();

  private static List<String> ids(SearchResult r) {
    return r.nodes().stream().map(Resource::id).toList();
  }

  private static Clock at(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }

  @Test
  void aCompiledQueryGivesTheSameAnswerOnEveryRunAndFollowsTheClock() {
    QueryEngine engine = QueryEngine.of(INVENTORY);
    CompiledQuery stale = engine.compile(QueryParser.parse("is(thing) and last_access > 90days"));
    List<String> expected = List.of("epoch", "epoch-plus-1ns", "ancient", "stale");
    for (int i = 0; i < 3; i++) {
      assertThat(ids(stale.run(at(NOW)))).containsExactlyElementsOf(expected);
    }
    // A later clock: the 90-day key becomes stale (strictly older than the cutoff), fresh does not.
    assertThat(ids(stale.run(at(NOW.plusSeconds(1))))).containsExactly(
        "epoch", "epoch-plus-1ns", "ancient", "stale", "exactly-90-days");
    // Far in the future everything with a time is stale, whatever was remembered before.
    assertThat(ids(stale.run(at(Instant.parse("3100-01-01T00:00:00Z"))))).containsExactly(
        "epoch", "epoch-plus-1ns", "ancient", "far-future", "stale", "exactly-90-days", "fresh");
    assertThat(ids(stale.run(at(NOW)))).containsExactlyElementsOf(expected);
  }

  @Test
  void everyComparisonAgreesWithAFreshEngineAtTheEdgesOfTheTimeRange() {
    QueryEngine shared = QueryEngine.of(INVENTORY);
    shared.search(QueryParser.parse("last_access < 1d and age > 1s"), at(NOW)); // fill what it remembers
    for (String query : List.of(
        "last_access > 90days", "last_access >= 90days", "last_access < 90days", "last_access <= 90days",
        "age > 2000yr", "age < 1s", "last_access == null", "last_access != null",
        "last_access > 20000d and age < 400000d")) {
      for (Instant now : List.of(NOW, Instant.EPOCH.plusNanos(1), Instant.parse("2999-12-31T00:00:00Z"))) {
        List<String> fresh = ids(QueryEngine.of(INVENTORY).search(QueryParser.parse(query), at(now)));
        assertThat(ids(shared.search(QueryParser.parse(query), at(now)))).as(query + " at " + now)
            .containsExactlyElementsOf(fresh);
      }
    }
  }

  @Test
  void valuesOfAPathForTheWholeResultAreThoseOfEachNode() {
    SearchResult r = QueryEngine.of(INVENTORY).search(QueryParser.parse("is(thing)"), at(NOW));
    for (String path : List.of("name", "last_access", "/desired.clean")) {
      var p = QueryParser.parsePath(path);
      List<List<Object>> each = r.nodes().stream().map(n -> r.values(p, n)).toList();
      assertThat(r.values(p)).as(path).isEqualTo(each);
    }
    assertThat(r.values(QueryParser.parsePath("name")).get(0)).containsExactly("epoch");
  }
}
