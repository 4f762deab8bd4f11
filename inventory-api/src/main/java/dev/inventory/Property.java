package dev.inventory;

import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A property a kind declares: its snake_case name, its {@link ValueType} and how to read it from a
 * typed resource without reflection.
 *
 * <pre>{@code
 * Property.of(AccessKey.class, "access_key_status", ValueType.STRING,
 *     k -> k.accessKeyStatus().map(AccessKeyStatus::label).orElse(null));
 * }</pre>
 *
 * <p>The accessor returns the value in the Java representation of its {@link ValueType}, or {@code
 * null} when absent. A resource that is not an instance of the owner type (for example a resource
 * of a base kind loaded from a fixture without a Java class) is read from its {@link
 * Resource#additionalProperties()} instead.
 *
 * @param <R> the Java type that declares the property
 */
public final class Property<R extends Resource> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final Class<R> owner;
  private final String name;
  private final ValueType type;
  private final Function<? super R, ?> accessor;

  private Property(Class<R> owner, String name, ValueType type, Function<? super R, ?> accessor) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.accessor = Objects.requireNonNull(accessor, "accessor");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "property name must be snake_case ([a-z][a-z0-9_]*), got '" + name + "'");
    }
  }

  /**
   * Declares a property of {@code owner} with the given name, type and accessor.
   *
   * @param <R> the owner type
   * @param owner the Java type that declares the property
   * @param name the snake_case name
   * @param type the value type
   * @param accessor reads the value from a resource of the owner type
   * @return the property
   */
  public static <R extends Resource> Property<R> of(
      Class<R> owner, String name, ValueType type, Function<? super R, ?> accessor) {
    return new Property<>(owner, name, type, accessor);
  }

  /**
   * The Java type that declares this property.
   *
   * @return the owner type
   */
  public Class<R> owner() {
    return owner;
  }

  /**
   * The snake_case name used in queries and fixtures.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The value type.
   *
   * @return the value type
   */
  public ValueType type() {
    return type;
  }

  /**
   * Reads this property from {@code resource}: through the typed accessor when the resource is an
   * instance of the owner type, otherwise from its additional properties.
   *
   * @param resource the resource to read
   * @return the value in the Java representation of {@link #type()}, or {@code null} if absent
   */
  public Object read(Resource resource) {
    if (owner.isInstance(resource)) {
      return accessor.apply(owner.cast(resource));
    }
    return resource.additionalProperties().get(name);
  }

  @Override
  public String toString() {
    return name + ": " + type.label();
  }
}
