package dev.inventory.aws.internal;

import dev.inventory.InventoryException;

/** A credential report that cannot be read: the message names the line and the column. */
public final class CredentialReportException extends InventoryException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String column;

  public CredentialReportException(int line, String column, String message) {
    super("credential report line " + line + (column == null ? "" : ", column " + column) + ": " + message);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line (1 = the header). */
  public int line() {
    return line;
  }

  /** The column's name (or position when the header has none), or null for the whole line. */
  public String column() {
    return column;
  }
}
