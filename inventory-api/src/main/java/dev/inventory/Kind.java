package dev.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declaration of one kind: its name, its direct base kinds, the Java type of its resources, the
 * properties it declares itself (inherited ones come from the bases) and, for concrete kinds, a
 * factory that creates typed resources from property values.
 *
 * <pre>{@code
 * Kind.builder("aws_iam_access_key", AwsIamAccessKey.class)
 *     .bases("access_key")
 *     .property(Property.of(AwsIamAccessKey.class, "user_name", ValueType.STRING, k -> k.userName()))
 *     .factory(AwsIamAccessKey::fromValues)
 *     .build();
 * }</pre>
 *
 * Kinds are resolved into a hierarchy by a {@link KindRegistry}.
 */
public final class Kind {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final String name;
  private final List<String> bases;
  private final Class<? extends Resource> javaType;
  private final Map<String, Property<?>> properties;
  private final ResourceFactory<?> factory;
  private final boolean declared;
  private final Set<String> requiresGoneFirst;

  private Kind(Builder b) {
    this.name = b.name;
    this.bases = List.copyOf(b.bases);
    this.javaType = b.javaType;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    this.factory = b.factory;
    this.declared = b.declared;
    this.requiresGoneFirst = Collections.unmodifiableSet(new LinkedHashSet<>(b.requiresGoneFirst));
  }

  /** Starts the declaration of a kind whose resources are of {@code javaType}. */
  public static Builder builder(String name, Class<? extends Resource> javaType) {
    return new Builder(name, javaType);
  }

  /**
   * A kind that no module declares but that occurs in data (for example a fixture exported from Fix
   * Inventory). Its resources are {@link GenericResource}s.
   */
  public static Kind discovered(String name, List<String> bases) {
    Builder b = new Builder(name, GenericResource.class);
    b.bases.addAll(bases.isEmpty() ? List.of(BaseKinds.RESOURCE) : bases);
    b.declared = false;
    return b.build();
  }

  /** The snake_case name. */
  public String name() {
    return name;
  }

  /** The direct base kinds (empty only for {@code resource}). */
  public List<String> bases() {
    return bases;
  }

  /** The Java type every resource of this kind is an instance of. */
  public Class<? extends Resource> javaType() {
    return javaType;
  }

  /** The properties this kind declares itself, in declaration order (not the inherited ones). */
  public Map<String, Property<?>> properties() {
    return properties;
  }

  /** The factory for typed resources, if this kind has a Java class of its own. */
  public Optional<ResourceFactory<?>> factory() {
    return Optional.ofNullable(factory);
  }

  /**
   * The kinds of {@code default}-edge successors that must be gone before a resource of this kind
   * can be cleaned, as this kind declares them itself (for {@code user}: {@code access_key}); a
   * successor counts when its kind is one of these or a subkind. {@link
   * KindRegistry#requiresGoneFirst(String)} adds what the bases declare.
   *
   * @return the declared kinds, in declaration order
   */
  public Set<String> requiresGoneFirst() {
    return requiresGoneFirst;
  }

  /** False for a kind that was discovered in data rather than declared by a module. */
  public boolean isDeclared() {
    return declared;
  }

  @Override
  public String toString() {
    return bases.isEmpty() ? name : name + " < " + String.join(", ", bases);
  }

  /** Builds a {@link Kind}. */
  public static final class Builder {
    private final String name;
    private final List<String> bases = new ArrayList<>();
    private final Class<? extends Resource> javaType;
    private final Map<String, Property<?>> properties = new LinkedHashMap<>();
    private ResourceFactory<?> factory;
    private boolean declared = true;
    private final Set<String> requiresGoneFirst = new LinkedHashSet<>();

    private Builder(String name, Class<? extends Resource> javaType) {
      this.name = Objects.requireNonNull(name, "name");
      this.javaType = Objects.requireNonNull(javaType, "javaType");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("kind name must be snake_case ([a-z][a-z0-9_]*), got '" + name + "'");
      }
    }

    /** Adds direct base kinds. */
    public Builder bases(String... names) {
      for (String n : names) {
        bases.add(Objects.requireNonNull(n, "base"));
      }
      return this;
    }

    /** Declares a property. Its owner must be a supertype of (or equal to) the kind's Java type. */
    public Builder property(Property<?> property) {
      Objects.requireNonNull(property, "property");
      if (!property.owner().isAssignableFrom(javaType)) {
        throw new IllegalArgumentException(
            "property '" + property.name() + "' of kind '" + name + "' is declared by "
                + property.owner().getName() + ", which " + javaType.getName() + " does not implement");
      }
      if (properties.putIfAbsent(property.name(), property) != null) {
        throw new IllegalArgumentException("kind '" + name + "' declares property '" + property.name() + "' twice");
      }
      return this;
    }

    /** Declares several properties. */
    public Builder properties(List<? extends Property<?>> list) {
      list.forEach(this::property);
      return this;
    }

    /**
     * Declares that a resource of this kind can be cleaned only once its {@code default}-edge
     * successors of these kinds (or their subkinds) are gone, so cleanup orders them first and
     * skips this resource while one is still there. Subkinds inherit the declaration.
     *
     * <pre>{@code
     * Kind.builder("user", User.class).requiresGoneFirst("access_key").build();
     * }</pre>
     *
     * @param kinds kind names
     * @return this builder
     */
    public Builder requiresGoneFirst(String... kinds) {
      for (String k : kinds) {
        requiresGoneFirst.add(Objects.requireNonNull(k, "kind"));
      }
      return this;
    }

    /** Sets the factory that creates typed resources of this kind. */
    public <R extends Resource> Builder factory(ResourceFactory<R> f) {
      this.factory = Objects.requireNonNull(f, "factory");
      return this;
    }

    public Kind build() {
      if (bases.isEmpty() && !name.equals(BaseKinds.RESOURCE)) {
        bases.add(BaseKinds.RESOURCE);
      }
      return new Kind(this);
    }
  }
}
