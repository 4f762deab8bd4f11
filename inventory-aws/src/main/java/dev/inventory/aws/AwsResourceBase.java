package dev.inventory.aws;

import dev.inventory.PropertyValueException;
import dev.inventory.PropertyValues;
import dev.inventory.Values;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What every typed AWS resource holds: graph id, resource id (the same unless loaded from a Fix
 * Inventory export), name, tags, the three times and the values its kind
 * does not declare. Value semantics live here once, driven by {@link #fields()}, so that the seven
 * classes cannot drift apart in how they compare and print.
 */
abstract class AwsResourceBase implements AwsResource {
  /** Properties the base kind {@code resource} declares; never kept as additional values. */
  static final Set<String> RESOURCE_PROPERTIES =
      Set.of("id", "kind", "name", "tags", "ctime", "mtime", "atime");

  private final String id;
  private final String resourceId;
  private final String name;
  private final Map<String, String> tags;
  private final Instant ctime;
  private final Instant mtime;
  private final Instant atime;
  private final Map<String, Object> additional;

  AwsResourceBase(Builder<?> b, Instant atime, Set<String> declared) {
    this.id = b.id;
    this.resourceId = b.resourceId == null ? b.id : b.resourceId;
    this.name = b.name;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.ctime = b.ctime;
    this.mtime = b.mtime;
    this.atime = atime;
    for (String key : b.additional.keySet()) {
      // A declared name among the additional values would be written twice by a fixture writer
      // and read back as two different things.
      if (RESOURCE_PROPERTIES.contains(key) || declared.contains(key)) {
        throw new IllegalArgumentException(
            "additional property '" + key + "' of " + getClass().getSimpleName() + " '" + b.id
                + "' is a declared property of kind '" + kind() + "'; set it with its own builder method");
      }
    }
    this.additional = Values.freezeMap(b.additional);
  }

  /** The kind-specific values, in declaration order, for equals, hashCode and toString. */
  abstract Map<String, Object> fields();

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String resourceId() {
    return resourceId;
  }

  @Override
  public final Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public final Map<String, String> tags() {
    return tags;
  }

  @Override
  public final Optional<Instant> ctime() {
    return Optional.ofNullable(ctime);
  }

  @Override
  public final Optional<Instant> mtime() {
    return Optional.ofNullable(mtime);
  }

  @Override
  public final Optional<Instant> atime() {
    return Optional.ofNullable(atime);
  }

  @Override
  public final Map<String, Object> additionalProperties() {
    return additional;
  }

  @Override
  public final boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof AwsResourceBase r
        && r.getClass() == getClass()
        && id.equals(r.id)
        && resourceId.equals(r.resourceId)
        && Objects.equals(name, r.name)
        && tags.equals(r.tags)
        && Objects.equals(ctime, r.ctime)
        && Objects.equals(mtime, r.mtime)
        && Objects.equals(atime, r.atime)
        && additional.equals(r.additional)
        && fields().equals(r.fields());
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getClass(), id, resourceId, name, tags, ctime, mtime, atime, additional, fields());
  }

  @Override
  public final String toString() {
    StringJoiner j = new StringJoiner(", ", getClass().getSimpleName() + "{", "}");
    j.add("id=" + id);
    if (!resourceId.equals(id)) {
      j.add("resourceId=" + resourceId);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("name", name);
    all.put("tags", tags.isEmpty() ? null : tags);
    all.put("ctime", ctime);
    all.put("mtime", mtime);
    all.put("atime", atime);
    all.putAll(fields());
    all.put("additional", additional.isEmpty() ? null : additional);
    all.forEach((k, v) -> {
      if (v != null) {
        j.add(k + "=" + v);
      }
    });
    return j.toString();
  }

  /** Names of the given properties, for the {@code declared} argument of the constructor. */
  static Set<String> names(List<? extends dev.inventory.Property<?>> properties) {
    Set<String> out = new LinkedHashSet<>();
    properties.forEach(p -> out.add(p.name()));
    return Collections.unmodifiableSet(out);
  }

  /** An insertion-ordered map that accepts null values, for {@link #fields()}. */
  static Map<String, Object> fieldMap(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * Builder state shared by every AWS resource. Setters of optional values accept {@code null} to
   * clear the value.
   *
   * @param <B> the concrete builder, so that chains keep their type
   */
  abstract static class Builder<B extends Builder<B>> {
    private String id;
    private String resourceId;
    private String name;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Instant ctime;
    private Instant mtime;
    Instant atime;
    private final Map<String, Object> additional = new LinkedHashMap<>();

    Builder(String id) {
      id(id);
    }

    Builder(AwsResourceBase r) {
      this.id = r.id;
      this.resourceId = r.resourceId;
      this.name = r.name;
      this.tags.putAll(r.tags);
      this.ctime = r.ctime;
      this.mtime = r.mtime;
      this.atime = r.atime;
      this.additional.putAll(r.additional);
    }

    /** The node id set so far, for error messages. */
    final String currentId() {
      return id;
    }

    @SuppressWarnings("unchecked")
    final B self() {
      return (B) this;
    }

    /**
     * Sets the graph id (required, not blank); it is also the resource id unless {@link
     * #resourceId(String)} sets another.
     *
     * @param id the node's key in an inventory
     * @return this builder
     */
    public B id(String id) {
      Objects.requireNonNull(id, "id");
      if (id.isBlank()) {
        throw new IllegalArgumentException("id must not be blank");
      }
      this.id = id;
      return self();
    }

    /**
     * Sets the id AWS knows the resource by (the AccessKeyId, the UserId, the account id) where it
     * differs from the graph id, as for a node of a Fix Inventory export; {@code null} makes it the
     * graph id again.
     *
     * @param resourceId the resource's own id, not blank
     * @return this builder
     */
    public B resourceId(String resourceId) {
      if (resourceId != null && resourceId.isBlank()) {
        throw new IllegalArgumentException("resourceId must not be blank");
      }
      this.resourceId = resourceId;
      return self();
    }

    /**
     * Sets the name, or clears it with {@code null}.
     *
     * @param name the name, or null
     * @return this builder
     */
    public B name(String name) {
      this.name = name;
      return self();
    }

    /**
     * Adds one tag.
     *
     * @param key the tag key
     * @param value the tag value
     * @return this builder
     */
    public B tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return self();
    }

    /**
     * Replaces all tags.
     *
     * @param tags the tags by key
     * @return this builder
     */
    public B tags(Map<String, String> tags) {
      Objects.requireNonNull(tags, "tags");
      this.tags.clear();
      tags.forEach(this::tag);
      return self();
    }

    /**
     * Sets when the resource was created, or clears it with {@code null}.
     *
     * @param ctime the creation time, or null
     * @return this builder
     */
    public B ctime(Instant ctime) {
      this.ctime = ctime;
      return self();
    }

    /**
     * Sets when the resource was last modified, or clears it with {@code null}.
     *
     * @param mtime the modification time, or null
     * @return this builder
     */
    public B mtime(Instant mtime) {
      this.mtime = mtime;
      return self();
    }

    /**
     * Adds a value that the kind does not declare (a plain value, see {@link dev.inventory.ValueType});
     * nested maps and lists are copied.
     *
     * @param name the property name
     * @param value the plain value
     * @return this builder
     */
    public B additionalProperty(String name, Object value) {
      additional.put(Objects.requireNonNull(name, "name"), value);
      return self();
    }

    /**
     * Replaces all additional values.
     *
     * @param values the values by property name
     * @return this builder
     */
    public B additionalProperties(Map<String, ?> values) {
      Objects.requireNonNull(values, "values");
      additional.clear();
      values.forEach(this::additionalProperty);
      return self();
    }

    /** Reads the values every AWS resource has from factory input. */
    final B common(PropertyValues v) {
      resourceId(v.resourceId().equals(v.id()) ? null : v.resourceId());
      v.string("name").ifPresent(this::name);
      Map<String, ?> tagValues = v.dictionary("tags");
      tagValues.forEach((key, value) -> {
        // The map arrives unchecked; a non-string tag value would otherwise fail far from its source.
        if (!(value instanceof String)) {
          throw new PropertyValueException(
              "tags." + key, "a string", "property 'tags." + key + "': expected a string, got " + Values.describe(value));
        }
      });
      tags(v.dictionary("tags"));
      v.datetime("ctime").ifPresent(this::ctime);
      v.datetime("mtime").ifPresent(this::mtime);
      additionalProperties(v.additional());
      return self();
    }
  }
}
