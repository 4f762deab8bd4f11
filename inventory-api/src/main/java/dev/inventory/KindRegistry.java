package dev.inventory;

import dev.inventory.spi.KindProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resolved kind hierarchy: every kind with its bases (transitively), its subkinds, and all the
 * properties it declares or inherits. Immutable and thread-safe.
 *
 * <pre>{@code
 * KindRegistry kinds = KindRegistry.standard();   // base kinds + every KindProvider on the class path
 * kinds.isSubkind("aws_iam_access_key", "access_key");   // true when inventory-aws is present
 * Object status = kinds.read(key, "access_key_status");  // "Active"
 * }</pre>
 */
public final class KindRegistry {
  private static volatile KindRegistry standard;

  private final Map<String, Kind> kinds;
  private final Map<String, Set<String>> lineage; // kind -> itself and all bases, nearest first
  private final Map<String, Set<String>> subkinds; // kind -> itself and all subkinds
  private final Map<String, Map<String, Property<?>>> properties; // kind -> all properties
  private final Map<String, Set<String>> goneFirst; // kind -> declared by it and its bases

  private KindRegistry(Map<String, Kind> kinds) {
    this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    Map<String, Set<String>> lin = new HashMap<>();
    for (String name : kinds.keySet()) {
      lin.put(name, resolveLineage(name, new LinkedHashSet<>()));
    }
    Map<String, Set<String>> sub = new HashMap<>();
    for (String name : kinds.keySet()) {
      sub.put(name, new TreeSet<>());
    }
    lin.forEach((kind, bases) -> bases.forEach(b -> sub.get(b).add(kind)));
    Map<String, Map<String, Property<?>>> props = new HashMap<>();
    for (String name : kinds.keySet()) {
      props.put(name, resolveProperties(name, lin.get(name)));
    }
    for (Kind k : kinds.values()) {
      if (!k.isDeclared()) {
        continue;
      }
      for (String base : lin.get(k.name())) {
        Class<? extends Resource> baseType = kinds.get(base).javaType();
        if (!baseType.isAssignableFrom(k.javaType())) {
          throw new InventoryException(
              "kind '" + k.name() + "' has base kind '" + base + "', so its Java type "
                  + k.javaType().getName() + " must implement " + baseType.getName());
        }
      }
    }
    this.lineage = freezeSets(lin);
    this.subkinds = freezeSets(sub);
    this.properties = Collections.unmodifiableMap(props);
    Map<String, Set<String>> gone = new HashMap<>();
    lin.forEach((kind, bases) -> {
      Set<String> all = new LinkedHashSet<>();
      bases.forEach(b -> all.addAll(kinds.get(b).requiresGoneFirst()));
      gone.put(kind, all);
    });
    this.goneFirst = freezeSets(gone);
  }

  /**
   * The base kinds plus every kind contributed by a {@link KindProvider} found with {@link
   * ServiceLoader} on this class's class loader. Computed once.
   *
   * @throws InventoryException when two providers declare the same kind, or a base is missing
   */
  public static KindRegistry standard() {
    KindRegistry r = standard;
    if (r == null) {
      synchronized (KindRegistry.class) {
        r = standard;
        if (r == null) {
          Builder b = builder();
          for (KindProvider provider : ServiceLoader.load(KindProvider.class, KindRegistry.class.getClassLoader())) {
            b.addAll(provider.kinds(), provider.getClass().getName());
          }
          r = b.build();
          standard = r;
        }
      }
    }
    return r;
  }

  /** A builder that already holds the base kinds. */
  public static Builder builder() {
    Builder b = new Builder();
    b.addAll(BaseKinds.all(), BaseKinds.class.getName());
    return b;
  }

  /** The kind with this name, if known. */
  public Optional<Kind> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /** Whether a kind with this name is known. */
  public boolean contains(String name) {
    return kinds.containsKey(name);
  }

  /** All known kinds, base kinds first. */
  public Collection<Kind> kinds() {
    return kinds.values();
  }

  /**
   * The kind itself and all its bases, transitively, nearest first ({@code aws_iam_access_key,
   * access_key, resource}).
   *
   * @throws IllegalArgumentException for an unknown kind
   */
  public Set<String> lineage(String kind) {
    return require(lineage, kind);
  }

  /** The kind itself and all kinds that have it as a base, transitively. */
  public Set<String> subkinds(String kind) {
    return require(subkinds, kind);
  }

  /**
   * The kinds of {@code default}-edge successors that must be gone before a resource of {@code
   * kind} is cleaned: what the kind and all its bases declare with {@link
   * Kind.Builder#requiresGoneFirst(String...)}.
   *
   * @param kind a known kind
   * @return the kinds, nearest declaration first; empty when none is declared
   * @throws IllegalArgumentException for an unknown kind
   */
  public Set<String> requiresGoneFirst(String kind) {
    return require(goneFirst, kind);
  }

  /**
   * Whether a resource of {@code kind} must wait for a {@code default}-edge successor of {@code
   * successorKind}: the successor's kind is, or is a subkind of, a kind in {@link
   * #requiresGoneFirst(String)}. False when either kind is unknown.
   *
   * @param kind the kind of the resource to clean
   * @param successorKind the kind of one of its {@code default}-edge successors
   * @return whether that successor must be gone first
   */
  public boolean mustWaitFor(String kind, String successorKind) {
    Set<String> required = goneFirst.get(kind);
    if (required == null || required.isEmpty()) {
      return false;
    }
    Set<String> l = lineage.get(successorKind);
    if (l == null) {
      return false;
    }
    for (String r : required) {
      if (l.contains(r)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code kind} is {@code base} or has it as a base, transitively. False if unknown. */
  public boolean isSubkind(String kind, String base) {
    Set<String> l = lineage.get(kind);
    return l != null && l.contains(base);
  }

  /** All properties of a kind, inherited ones first, by name. */
  public Map<String, Property<?>> properties(String kind) {
    return require(properties, kind);
  }

  /** One property of a kind (declared or inherited), if it exists. */
  public Optional<Property<?>> property(String kind, String name) {
    Map<String, Property<?>> p = properties.get(kind);
    return p == null ? Optional.empty() : Optional.ofNullable(p.get(name));
  }

  /**
   * Reads a top-level property of a resource by its snake_case name: through the typed accessor of
   * a declared property, otherwise from the resource's additional properties.
   *
   * @return the value, or {@code null} when the resource has no such value
   */
  public Object read(Resource resource, String name) {
    Map<String, Property<?>> p = properties.get(resource.kind());
    Property<?> property = p == null ? null : p.get(name);
    return property != null ? property.read(resource) : resource.additionalProperties().get(name);
  }

  /**
   * A registry with these extra kinds, which were discovered in data. Kinds already known are kept
   * as they are.
   */
  public KindRegistry withDiscovered(Collection<Kind> discovered) {
    Map<String, Kind> all = new LinkedHashMap<>(kinds);
    boolean changed = false;
    for (Kind k : discovered) {
      if (!all.containsKey(k.name())) {
        all.put(k.name(), k);
        changed = true;
      }
    }
    if (!changed) {
      return this;
    }
    checkBases(all);
    return new KindRegistry(all);
  }

  /**
   * Names of known kinds close to {@code name}, closest first, for "did you mean" messages.
   */
  public List<String> closest(String name, int max) {
    return Suggestions.closest(name, kinds.keySet(), max);
  }

  private Set<String> resolveLineage(String name, LinkedHashSet<String> visiting) {
    if (!visiting.add(name)) {
      throw new InventoryException("kind hierarchy has a cycle: " + String.join(" -> ", visiting) + " -> " + name);
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(name);
    List<String> queue = new ArrayList<>(kinds.get(name).bases());
    for (String base : queue) {
      out.addAll(resolveLineage(base, new LinkedHashSet<>(visiting)));
    }
    return out;
  }

  private Map<String, Property<?>> resolveProperties(String name, Set<String> lin) {
    List<String> order = new ArrayList<>(lin);
    Collections.reverse(order); // resource first, the kind itself last
    Map<String, Property<?>> out = new LinkedHashMap<>();
    for (String k : order) {
      out.putAll(kinds.get(k).properties());
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, Set<String>> freezeSets(Map<String, Set<String>> m) {
    Map<String, Set<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
    return Collections.unmodifiableMap(out);
  }

  private static <T> T require(Map<String, T> map, String kind) {
    T v = map.get(Objects.requireNonNull(kind, "kind"));
    if (v == null) {
      throw new IllegalArgumentException("unknown kind '" + kind + "'");
    }
    return v;
  }

  private static void checkBases(Map<String, Kind> all) {
    for (Kind k : all.values()) {
      for (String base : k.bases()) {
        if (!all.containsKey(base)) {
          throw new InventoryException("kind '" + k.name() + "' has unknown base kind '" + base + "'");
        }
      }
    }
  }

  /** Collects kind declarations and resolves them into a registry. */
  public static final class Builder {
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Map<String, String> origin = new HashMap<>();

    private Builder() {}

    /** Adds a kind. Two declarations of one kind name are an error naming both origins. */
    public Builder add(Kind kind) {
      return addAll(List.of(kind), "explicit registration");
    }

    /** Adds kinds, remembering {@code origin} for error messages. */
    public Builder addAll(Collection<Kind> list, String origin) {
      for (Kind k : list) {
        Kind prev = kinds.putIfAbsent(k.name(), k);
        if (prev != null) {
          throw new InventoryException(
              "kind '" + k.name() + "' is declared twice: by " + this.origin.get(k.name()) + " and by " + origin);
        }
        this.origin.put(k.name(), origin);
      }
      return this;
    }

    /**
     * Resolves the hierarchy.
     *
     * @throws InventoryException for a missing base kind or a cycle
     */
    public KindRegistry build() {
      checkBases(kinds);
      return new KindRegistry(kinds);
    }
  }
}
