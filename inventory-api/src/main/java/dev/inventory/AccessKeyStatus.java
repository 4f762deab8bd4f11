package dev.inventory;

import java.util.Optional;

/** Whether an access key can be used: {@code Active} or {@code Inactive}, as AWS spells them. */
public enum AccessKeyStatus {
  /** The key can sign requests. */
  ACTIVE("Active"),
  /** The key is kept but cannot sign requests. */
  INACTIVE("Inactive");

  private final String label;

  AccessKeyStatus(String label) {
    this.label = label;
  }

  /**
   * {@code Active} or {@code Inactive}.
   *
   * @return the label AWS uses
   */
  public String label() {
    return label;
  }

  /**
   * The status with this label (exact spelling), if any.
   *
   * @param label {@code Active} or {@code Inactive}
   * @return the status, or empty for any other text
   */
  public static Optional<AccessKeyStatus> fromLabel(String label) {
    for (AccessKeyStatus s : values()) {
      if (s.label.equals(label)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
