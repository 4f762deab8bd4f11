package dev.inventory;

/**
 * A property value that does not fit: wrong type, out of range or inconsistent with another
 * property. Carries the property name (a dotted path for nested values) and what was expected.
 */
public class PropertyValueException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** The property name or dotted path. */
  private final String property;
  /** What would have been accepted. */
  private final String expected;

  /**
   * A value that does not fit its property.
   *
   * @param property the property name or dotted path
   * @param expected what would have been accepted
   * @param message the whole message, for people
   */
  public PropertyValueException(String property, String expected, String message) {
    super(message);
    this.property = property;
    this.expected = expected;
  }

  /**
   * The property (for nested values, a dotted path such as {@code access_key_last_used.region}).
   *
   * @return the property name or path
   */
  public String property() {
    return property;
  }

  /**
   * What would have been accepted, for example {@code "one of Active, Inactive"}.
   *
   * @return what was expected
   */
  public String expected() {
    return expected;
  }
}
