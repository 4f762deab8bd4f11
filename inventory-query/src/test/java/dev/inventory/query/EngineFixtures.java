package dev.inventory.query;

import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.query.parse.QueryParser;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Small hand-made inventories and helpers shared by the engine tests. */
final class EngineFixtures {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private EngineFixtures() {}

  static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  /**
   * Four nodes with every kind of value:
   *
   * <pre>
   * a  user           alice, atime 100d ago, ctime 400d ago, mtime 2d ago, size 5, list [1,2,3],
   *                   items [{a:1,b:x},{a:2,b:y}], empty [], tags {team: data}, owner null
   * b  user           bob, atime 10d ago, ctime 20d ago, size 12, list [4,5], flag true
   * c  access_key     no name, no times, size "7" (a string), code "123"
   * d  aws_s3_bucket  Jenkins-Bucket, nested {owner: {name: jenkins}}, size 2.5
   * edges: a -> c, b -> c, c -> d (default), a -delete-> b
   * </pre>
   */
  static Inventory small() {
    return Inventory.builder()
        .add(GenericResource.builder("a", "user").name("alice")
            .atime(daysAgo(100)).ctime(daysAgo(400)).mtime(daysAgo(2))
            .tag("team", "data")
            .property("size", 5L)
            .property("list", List.of(1L, 2L, 3L))
            .property("items", List.of(Map.of("a", 1L, "b", "x"), Map.of("a", 2L, "b", "y")))
            .property("empty", List.of())
            .property("owner", null)
            .build())
        .add(GenericResource.builder("b", "user").name("bob")
            .atime(daysAgo(10)).ctime(daysAgo(20))
            .property("size", 12L)
            .property("list", List.of(4L, 5L))
            .property("flag", true)
            .build())
        .add(GenericResource.builder("c", "access_key")
            .property("size", "7")
            .property("code", "123")
            .build())
        .add(GenericResource.builder("d", "aws_s3_bucket").name("Jenkins-Bucket")
            .property("nested", Map.of("owner", Map.of("name", "jenkins")))
            .property("size", 2.5)
            .build())
        .edge("a", "c")
        .edge("b", "c")
        .edge("c", "d")
        .edge("a", "b", EdgeType.DELETE)
        .build();
  }

  /** A chain {@code n0 -> n1 -> ... -> n(k-1)} of generic resources. */
  static Inventory chain(int k) {
    Inventory.Builder b = Inventory.builder();
    for (int i = 0; i < k; i++) {
      b.add(GenericResource.builder("n" + i, "resource").name("node" + i).build());
    }
    for (int i = 0; i + 1 < k; i++) {
      b.edge("n" + i, "n" + (i + 1));
    }
    return b.build();
  }

  /** The ids the query finds, in result order. */
  static List<String> ids(Inventory inv, String query) {
    return ids(QueryEngine.of(inv), query);
  }

  static List<String> ids(Inventory inv, StateStore state, String query) {
    return ids(QueryEngine.of(inv, state), query);
  }

  static List<String> ids(QueryEngine engine, String query) {
    return engine.search(QueryParser.parse(query), CLOCK).nodes().stream().map(Resource::id).toList();
  }
}
