package dev.inventory;

/**
 * A property value that does not fit: wrong type, out of range or inconsistent with another
 * property. Carries the property name (a dotted path for nested values) and what was expected.
 */
public class PropertyValueException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final String property;
  private final String expected;

  public PropertyValueException(String property, String expected, String message) {
    super(message);
    this.property = property;
    this.expected = expected;
  }

  /** The property (for nested values, a dotted path such as {@code access_key_last_used.region}). */
  public String property() {
    return property;
  }

  /** What would have been accepted, for example {@code "one of Active, Inactive"}. */
  public String expected() {
    return expected;
  }
}
