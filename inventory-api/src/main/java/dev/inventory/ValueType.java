package dev.inventory;

/**
 * The type of a resource property, as the query engine and the fixture format see it.
 *
 * <p>Each type has one Java representation, which every property accessor returns (or
 * {@code null} when the value is absent):
 *
 * <ul>
 *   <li>{@link #STRING}: {@link String}
 *   <li>{@link #INT}: {@link Long}
 *   <li>{@link #DOUBLE}: {@link Double}
 *   <li>{@link #BOOLEAN}: {@link Boolean}
 *   <li>{@link #DATETIME}: {@link java.time.Instant}
 *   <li>{@link #DICTIONARY}: {@code Map<String, String>}
 *   <li>{@link #OBJECT}: {@code Map<String, Object>} of values of any of these types
 *   <li>{@link #ARRAY}: {@code List<Object>} of values of any of these types
 *   <li>{@link #ANY}: any of the above
 * </ul>
 */
public enum ValueType {
  STRING("string"),
  INT("int64"),
  DOUBLE("double"),
  BOOLEAN("boolean"),
  DATETIME("datetime"),
  DICTIONARY("dictionary"),
  OBJECT("object"),
  ARRAY("array"),
  ANY("any");

  private final String label;

  ValueType(String label) {
    this.label = label;
  }

  /** A short human name used in error messages ("expected a datetime"). */
  public String label() {
    return label;
  }
}
