package dev.inventory;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The property values of one resource as handed to a {@link ResourceFactory}: the graph id, the
 * resource's own id, the kind,
 * the values of declared properties already converted to their {@link ValueType}'s Java
 * representation, and whatever else the source carried ({@link #additional()}).
 *
 * <p>Getters return {@link Optional#empty()} for an absent value and throw {@link
 * PropertyValueException} when a value has another type than asked for.
 */
public final class PropertyValues {
  private final String id;
  private final String resourceId;
  private final String kind;
  private final Map<String, Object> declared;
  private final Map<String, Object> additional;

  /**
   * Values of a resource whose own id is its graph id.
   *
   * @param id the graph id, also the resource id
   * @param kind the kind name
   * @param declared values of properties the kind declares, by name
   * @param additional values the kind does not declare, by name
   */
  public PropertyValues(
      String id, String kind, Map<String, Object> declared, Map<String, Object> additional) {
    this(id, id, kind, declared, additional);
  }

  /**
   * Values of a resource whose own id may differ from its graph id (a node of a Fix Inventory
   * export: the graph id is Fix's hash, the resource id the access key id).
   *
   * @param id the graph id ({@link Resource#id()})
   * @param resourceId the resource's own id ({@link Resource#resourceId()}, {@code reported.id})
   * @param kind the kind name
   * @param declared values of properties the kind declares, by name
   * @param additional values the kind does not declare, by name
   */
  public PropertyValues(
      String id, String resourceId, String kind, Map<String, Object> declared, Map<String, Object> additional) {
    this.id = Objects.requireNonNull(id, "id");
    this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared));
    this.additional = Collections.unmodifiableMap(new LinkedHashMap<>(additional));
  }

  /**
   * The graph id.
   *
   * @return the id the resource must report as {@link Resource#id()}
   */
  public String id() {
    return id;
  }

  /**
   * The resource's own id; equal to {@link #id()} unless the source kept them apart.
   *
   * @return the id the resource must report as {@link Resource#resourceId()}
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The kind name.
   *
   * @return the kind name
   */
  public String kind() {
    return kind;
  }

  /**
   * Names of the declared properties that have a value.
   *
   * @return the property names
   */
  public Set<String> names() {
    return declared.keySet();
  }

  /**
   * The raw value of a declared property, or empty.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<Object> get(String name) {
    return Optional.ofNullable(declared.get(name));
  }

  /**
   * A string property, or empty when absent.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<String> string(String name) {
    return typed(name, String.class, "a string");
  }

  /**
   * An integer property, or empty when absent.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<Long> integer(String name) {
    return typed(name, Long.class, "an integer");
  }

  /**
   * A number property, or empty when absent.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<Double> number(String name) {
    return typed(name, Double.class, "a number");
  }

  /**
   * A boolean property, or empty when absent.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<Boolean> bool(String name) {
    return typed(name, Boolean.class, "true or false");
  }

  /**
   * A datetime property, or empty when absent.
   *
   * @param name the property name
   * @return the value, or empty
   */
  public Optional<Instant> datetime(String name) {
    return typed(name, Instant.class, "an ISO-8601 datetime");
  }

  /**
   * A dictionary property (string to string); empty map when absent.
   *
   * @param name the property name
   * @return the dictionary
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> dictionary(String name) {
    return typed(name, Map.class, "an object of strings").map(m -> (Map<String, String>) m).orElse(Map.of());
  }

  /**
   * An object property; empty when absent.
   *
   * @param name the property name
   * @return the object, or empty
   */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> object(String name) {
    return typed(name, Map.class, "an object").map(m -> (Map<String, Object>) m);
  }

  /**
   * An array property; empty list when absent.
   *
   * @param name the property name
   * @return the array
   */
  @SuppressWarnings("unchecked")
  public List<Object> array(String name) {
    return typed(name, List.class, "an array").map(l -> (List<Object>) l).orElse(List.of());
  }

  /**
   * Values the kind does not declare, kept so that nothing the source carried is lost.
   *
   * @return the additional values by name
   */
  public Map<String, Object> additional() {
    return additional;
  }

  private <T> Optional<T> typed(String name, Class<T> type, String expected) {
    Object value = declared.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new PropertyValueException(
          name, expected, "property '" + name + "': expected " + expected + ", got " + Values.describe(value));
    }
    return Optional.of(type.cast(value));
  }
}
