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
  /** Text. */
  STRING("string"),
  /** A whole number (Fix Inventory's {@code int64}). */
  INT("int64"),
  /** A floating-point number. */
  DOUBLE("double"),
  /** {@code true} or {@code false}. */
  BOOLEAN("boolean"),
  /** An instant, written as ISO-8601 UTC text. */
  DATETIME("datetime"),
  /** A map of strings to strings, such as tags. */
  DICTIONARY("dictionary"),
  /** A nested object of plain values. */
  OBJECT("object"),
  /** A list of plain values. */
  ARRAY("array"),
  /** Any plain value. */
  ANY("any");

  private final String label;

  ValueType(String label) {
    this.label = label;
  }

  /**
   * A short human name used in error messages ("expected a datetime").
   *
   * @return the label
   */
  public String label() {
    return label;
  }
}
