package dev.inventory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource without a Java class of its own: a kind that no module declares (for example one
 * exported from Fix Inventory), or a base kind used directly (the {@code cloud} node). It keeps
 * every property it was given, nested objects and arrays included, and is read by path like any
 * other resource.
 *
 * <pre>{@code
 * GenericResource bucket = GenericResource.builder("arn:aws:s3:::logs", "aws_s3_bucket")
 *     .name("logs")
 *     .property("bucket_encryption", Map.of("enabled", true))
 *     .build();
 * }</pre>
 */
public final class GenericResource implements Resource {
  private final String id;
  private final String resourceId;
  private final String kind;
  private final String name;
  private final Map<String, String> tags;
  private final Instant ctime;
  private final Instant mtime;
  private final Instant atime;
  private final Map<String, Object> properties;

  private GenericResource(Builder b) {
    this.id = b.id;
    this.resourceId = b.resourceId == null ? b.id : b.resourceId;
    this.kind = b.kind;
    this.name = b.name;
    this.tags = Map.copyOf(b.tags);
    this.ctime = b.ctime;
    this.mtime = b.mtime;
    this.atime = b.atime;
    this.properties = Values.freezeMap(b.properties);
  }

  /**
   * Starts a resource with this graph id (also its resource id unless one is set) and kind.
   *
   * @param id the graph id
   * @param kind the kind name
   * @return a new builder
   */
  public static Builder builder(String id, String kind) {
    return new Builder(id, kind);
  }

  /**
   * Creates a generic resource from property values (the factory of discovered kinds).
   *
   * @param v the values read for the node
   * @return the resource
   */
  public static GenericResource fromValues(PropertyValues v) {
    Builder b = builder(v.id(), v.kind()).resourceId(v.resourceId());
    v.string("name").ifPresent(b::name);
    b.tags(v.dictionary("tags"));
    v.datetime("ctime").ifPresent(b::ctime);
    v.datetime("mtime").ifPresent(b::mtime);
    v.datetime("atime").ifPresent(b::atime);
    for (String n : v.names()) {
      switch (n) {
        case "id", "kind", "name", "tags", "ctime", "mtime", "atime" -> { }
        default -> b.property(n, v.get(n).orElseThrow());
      }
    }
    v.additional().forEach(b::property);
    return b.build();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String resourceId() {
    return resourceId;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  @Override
  public Map<String, String> tags() {
    return tags;
  }

  @Override
  public Optional<Instant> ctime() {
    return Optional.ofNullable(ctime);
  }

  @Override
  public Optional<Instant> mtime() {
    return Optional.ofNullable(mtime);
  }

  @Override
  public Optional<Instant> atime() {
    return Optional.ofNullable(atime);
  }

  /** Every property beyond id, kind, name, tags and the three times, in source order. */
  @Override
  public Map<String, Object> additionalProperties() {
    return properties;
  }

  /**
   * A builder holding this resource's values.
   *
   * @return a builder to derive a changed resource from
   */
  public Builder toBuilder() {
    Builder b = new Builder(id, kind);
    b.resourceId = resourceId;
    b.name = name;
    b.tags.putAll(tags);
    b.ctime = ctime;
    b.mtime = mtime;
    b.atime = atime;
    b.properties.putAll(properties);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericResource r
        && id.equals(r.id)
        && resourceId.equals(r.resourceId)
        && kind.equals(r.kind)
        && Objects.equals(name, r.name)
        && tags.equals(r.tags)
        && Objects.equals(ctime, r.ctime)
        && Objects.equals(mtime, r.mtime)
        && Objects.equals(atime, r.atime)
        && properties.equals(r.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, resourceId, kind, name, tags, ctime, mtime, atime, properties);
  }

  @Override
  public String toString() {
    return kind + "(" + id + (resourceId.equals(id) ? "" : ", id " + resourceId) + (name == null ? "" : ", " + name) + ")";
  }

  /** Builds a {@link GenericResource}. */
  public static final class Builder {
    private final String id;
    private String resourceId;
    private final String kind;
    private String name;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Instant ctime;
    private Instant mtime;
    private Instant atime;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private Builder(String id, String kind) {
      this.id = Objects.requireNonNull(id, "id");
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Sets the resource's own id ({@code reported.id}) where it differs from the graph id, as in a
     * Fix Inventory export; {@code null} makes it the graph id again.
     *
     * @param resourceId the id the cloud knows the resource by
     * @return this builder
     */
    public Builder resourceId(String resourceId) {
      this.resourceId = resourceId;
      return this;
    }

    /**
     * Sets the name, or clears it with {@code null}.
     *
     * @param name the name, or null
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Replaces all tags.
     *
     * @param tags the tags by key
     * @return this builder
     */
    public Builder tags(Map<String, String> tags) {
      this.tags.putAll(tags);
      return this;
    }

    /**
     * Adds one tag.
     *
     * @param key the tag key
     * @param value the tag value
     * @return this builder
     */
    public Builder tag(String key, String value) {
      this.tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the creation time, or clears it with {@code null}.
     *
     * @param ctime the time, or null
     * @return this builder
     */
    public Builder ctime(Instant ctime) {
      this.ctime = ctime;
      return this;
    }

    /**
     * Sets the modification time, or clears it with {@code null}.
     *
     * @param mtime the time, or null
     * @return this builder
     */
    public Builder mtime(Instant mtime) {
      this.mtime = mtime;
      return this;
    }

    /**
     * Sets the last access time, or clears it with {@code null}.
     *
     * @param atime the time, or null
     * @return this builder
     */
    public Builder atime(Instant atime) {
      this.atime = atime;
      return this;
    }

    /**
     * Sets an additional property. The value must be a plain value (see {@link ValueType}); nested
     * maps and lists are copied.
     *
     * @param name the property name
     * @param value the plain value
     * @return this builder
     */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * Builds the immutable resource.
     *
     * @return the resource
     */
    public GenericResource build() {
      return new GenericResource(this);
    }
  }
}
