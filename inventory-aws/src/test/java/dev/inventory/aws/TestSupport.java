package dev.inventory.aws;

import dev.inventory.KindRegistry;
import dev.inventory.Property;
import dev.inventory.PropertyValues;
import dev.inventory.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared clock and helpers that play the part of a fixture reader and writer. */
final class TestSupport {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private TestSupport() {}

  /** Factory input as a fixture reader would hand it over: declared values and the rest. */
  static PropertyValues values(String id, String kind, Map<String, Object> declared) {
    return new PropertyValues(id, kind, declared, Map.of());
  }

  /** Alternating names and values, keeping order and allowing nulls to be left out. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * What a fixture writer would save of a resource, read back as factory input: every declared
   * property (own and inherited) through the registry, and the additional values.
   */
  static PropertyValues export(Resource r) {
    KindRegistry kinds = KindRegistry.standard();
    Map<String, Object> declared = new LinkedHashMap<>();
    for (Property<?> p : kinds.properties(r.kind()).values()) {
      Object v = p.read(r);
      if (v != null) {
        declared.put(p.name(), v);
      }
    }
    return new PropertyValues(r.id(), r.kind(), declared, r.additionalProperties());
  }

  /** Creates a resource through the factory its kind declares in the standard registry. */
  static Resource create(PropertyValues v) {
    return KindRegistry.standard().kind(v.kind()).orElseThrow().factory().orElseThrow().create(v);
  }
}
