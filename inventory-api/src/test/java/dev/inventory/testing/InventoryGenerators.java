package dev.inventory.testing;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.fixture.Fixture;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators for inventories, plain property values and node state, for property
 * tests in any module (this class ships in inventory-api's test-jar).
 *
 * <pre>{@code
 * qt().withExamples(200)
 *     .forAll(InventoryGenerators.fixtures())
 *     .checkAssert(f -> assertThat(readBack(f).inventory()).isEqualTo(f.inventory()));
 * }</pre>
 *
 * <p>Every generator draws from the {@link RandomnessSource} directly, so QuickTheories can shrink
 * a failing example towards fewer nodes, shorter strings and smaller numbers.
 *
 * <p>Generated inventories hold {@link GenericResource}s of base kinds and of kinds no module
 * declares, with names, tags, times and additional properties made of JSON values (strings over
 * all of Unicode, longs, finite doubles, booleans, null, nested maps and lists), sometimes a
 * resource id unlike the graph id; edges of every type join distinct existing nodes (never {@code
 * access_key -delete-> user}, which reading turns round). Additional properties never reuse a declared property's name, and
 * hold no {@link Instant}s: those are values a fixture file would give back as text.
 */
public final class InventoryGenerators {
  /** Kinds that no module declares; they become discovered kinds. */
  public static final List<String> UNKNOWN_KINDS = List.of("aws_s3_bucket", "gcp_instance", "k8s_pod");

  /** Base kinds plus {@link #UNKNOWN_KINDS}. */
  public static final List<String> KINDS = List.of(
      BaseKinds.RESOURCE, BaseKinds.CLOUD, BaseKinds.ACCOUNT, BaseKinds.REGION, BaseKinds.USER,
      BaseKinds.GROUP, BaseKinds.ROLE, BaseKinds.ACCESS_KEY,
      UNKNOWN_KINDS.get(0), UNKNOWN_KINDS.get(1), UNKNOWN_KINDS.get(2));

  // Names a base kind declares: an additional property of that name would be read as the declared one.
  private static final Set<String> DECLARED = Set.of(
      "id", "kind", "name", "tags", "ctime", "mtime", "atime", "access_key_status", "last_use");

  private static final List<String> KEYS = List.of("arn", "size", "policy", "x-y", "a.b", "", "日本", "path");

  // Years 0001 to 9999, the range real clouds report.
  private static final long MIN_EPOCH_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
  private static final long MAX_EPOCH_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private InventoryGenerators() {}

  /** Strings of 0 to {@code maxLength} code points from ASCII, control characters, the BMP and beyond. */
  public static Gen<String> unicodeStrings(int maxLength) {
    return in -> {
      int length = between(in, 0, maxLength);
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < length; i++) {
        int codePoint;
        switch (between(in, 0, 5)) {
          case 0, 1 -> codePoint = between(in, 'a', 'z');
          case 2 -> codePoint = between(in, 0x20, 0x7e); // includes " and \
          case 3 -> codePoint = between(in, 0x00, 0x1f); // control characters, escaped in JSON
          case 4 -> {
            codePoint = between(in, 0xa0, 0xfffd);
            if (Character.isSurrogate((char) codePoint)) {
              codePoint = 0xe9; // an unpaired surrogate is not text; see FixtureFormat
            }
          }
          default -> codePoint = between(in, 0x10000, 0x10ffff); // a surrogate pair in UTF-16
        }
        s.appendCodePoint(codePoint);
      }
      return s.toString();
    };
  }

  /** Instants between the years 0001 and 9999, with nanoseconds. */
  public static Gen<Instant> instants() {
    return in -> {
      long second = in.next(Constraint.between(MIN_EPOCH_SECOND, MAX_EPOCH_SECOND).withShrinkPoint(1_700_000_000L));
      int nanos = between(in, 0, 3) == 0 ? between(in, 0, 999_999_999) : 0;
      return Instant.ofEpochSecond(second, nanos);
    };
  }

  /** A scalar JSON value: null, boolean, long, finite double or string. */
  public static Gen<Object> jsonScalars() {
    return in -> {
      switch (between(in, 0, 5)) {
        case 0:
          return null;
        case 1:
          return between(in, 0, 1) == 1;
        case 2:
          return in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE).withShrinkPoint(0));
        case 3:
          double d = Double.longBitsToDouble(in.next(Constraint.between(Long.MIN_VALUE, Long.MAX_VALUE).withShrinkPoint(0)));
          return Double.isFinite(d) ? d : 0.5;
        default:
          return unicodeStrings(8).generate(in);
      }
    };
  }

  /** A JSON value nested up to {@code depth} levels of maps and lists. */
  public static Gen<Object> jsonValues(int depth) {
    return in -> {
      int choice = depth == 0 ? 0 : between(in, 0, 2);
      if (choice == 0) {
        return jsonScalars().generate(in);
      }
      int size = between(in, 0, 3);
      if (choice == 1) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          list.add(jsonValues(depth - 1).generate(in));
        }
        return list;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(key(in), jsonValues(depth - 1).generate(in));
      }
      return map;
    };
  }

  /** A generic resource with this id, of one of {@link #KINDS}. */
  public static Gen<GenericResource> genericResources(String id) {
    return in -> {
      String kind = KINDS.get(between(in, 0, KINDS.size() - 1));
      GenericResource.Builder b = GenericResource.builder(id, kind);
      if (between(in, 0, 3) > 0) {
        b.name(unicodeStrings(10).generate(in));
      }
      int tags = between(in, 0, 2);
      for (int i = 0; i < tags; i++) {
        b.tag(key(in), unicodeStrings(6).generate(in));
      }
      optional(in, instants()).ifPresent(b::ctime);
      optional(in, instants()).ifPresent(b::mtime);
      optional(in, instants()).ifPresent(b::atime);
      if (kind.equals(BaseKinds.ACCESS_KEY)) {
        optional(in, i -> between(i, 0, 1) == 0 ? "Active" : "Inactive").ifPresent(s -> b.property("access_key_status", s));
        optional(in, i -> List.of("used", "never", "unknown").get(between(i, 0, 2))).ifPresent(s -> b.property("last_use", s));
      }
      if (between(in, 0, 4) == 0) {
        b.resourceId(id + "/reported"); // a resource id that differs from the graph id, as in exports
      }
      int additional = between(in, 0, 3);
      for (int i = 0; i < additional; i++) {
        b.property(key(in), jsonValues(3).generate(in));
      }
      return b.build();
    };
  }

  /** Inventories of up to 12 nodes with unique random ids and up to 20 edges between distinct nodes. */
  public static Gen<Inventory> inventories() {
    return in -> {
      int size = between(in, 0, 12);
      Inventory.Builder b = Inventory.builder();
      List<String> ids = new ArrayList<>();
      List<String> kinds = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        String id = unicodeStrings(6).generate(in) + "#" + i; // the suffix keeps ids unique
        ids.add(id);
        GenericResource r = genericResources(id).generate(in);
        kinds.add(r.kind());
        b.add(r);
      }
      int edges = size < 2 ? 0 : between(in, 0, 20);
      for (int i = 0; i < edges; i++) {
        int from = between(in, 0, size - 1);
        int to = (from + between(in, 1, size - 1)) % size; // never from itself
        EdgeType type = EdgeType.values()[between(in, 0, EdgeType.values().length - 1)];
        if (type == EdgeType.DELETE && kinds.get(from).equals(BaseKinds.ACCESS_KEY) && kinds.get(to).equals(BaseKinds.USER)) {
          type = EdgeType.DEFAULT; // reading turns access_key -delete-> user round (Fix Inventory writes it so)
        }
        b.edge(ids.get(from), ids.get(to), type);
      }
      return b.build();
    };
  }

  /** A mark with a random reason and, sometimes, a time and a query. */
  public static Gen<Mark> marks() {
    return in -> new Mark(unicodeStrings(8).generate(in), optional(in, instants()), optional(in, unicodeStrings(12)));
  }

  /** A node state with any combination of clean, protection, cleaned and progress (possibly empty). */
  public static Gen<NodeState> nodeStates() {
    return in -> {
      NodeState s = NodeState.EMPTY;
      if (between(in, 0, 1) == 1) {
        s = s.withClean(marks().generate(in));
      }
      if (between(in, 0, 2) == 2) {
        s = s.withProtection(marks().generate(in));
      }
      if (between(in, 0, 2) == 2) {
        s = s.withCleaned(marks().generate(in));
      }
      int progress = between(in, 0, 2);
      for (int i = 0; i < progress; i++) {
        s = s.withProgress(unicodeStrings(5).generate(in), unicodeStrings(8).generate(in));
      }
      return s;
    };
  }

  /** An inventory and states for some of its nodes. */
  public static Gen<Fixture> fixtures() {
    return in -> {
      Inventory inventory = inventories().generate(in);
      Map<String, NodeState> state = new LinkedHashMap<>();
      for (var node : inventory.nodes()) {
        if (between(in, 0, 2) == 0) {
          state.put(node.id(), nodeStates().generate(in));
        }
      }
      return new Fixture(inventory, state);
    };
  }

  private static String key(RandomnessSource in) {
    String key = between(in, 0, 1) == 0 ? KEYS.get(between(in, 0, KEYS.size() - 1)) : unicodeStrings(6).generate(in);
    return DECLARED.contains(key) ? key + "_x" : key;
  }

  private static <T> Optional<T> optional(RandomnessSource in, Gen<T> gen) {
    return between(in, 0, 1) == 0 ? Optional.empty() : Optional.of(gen.generate(in));
  }

  private static int between(RandomnessSource in, int min, int max) {
    return (int) in.next(Constraint.between(min, max));
  }
}
