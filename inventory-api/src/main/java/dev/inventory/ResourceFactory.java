package dev.inventory;

/**
 * Creates a typed resource of one kind from property values, for example when a fixture is read.
 *
 * <p>The values have already been converted to the Java representation of each declared property's
 * {@link ValueType}. A factory that finds a value it cannot accept throws {@link
 * PropertyValueException} naming the property and what was expected.
 *
 * @param <R> the resource type created
 */
@FunctionalInterface
public interface ResourceFactory<R extends Resource> {

  /**
   * Creates the resource.
   *
   * @param values the values read for the node
   * @return the resource
   */
  R create(PropertyValues values);
}
