package dev.inventory.query.job;

import dev.inventory.InventoryException;

/**
 * A job cannot be added or its file cannot be read or written: a duplicate id, an unreadable jobs
 * file. A bad command line is a {@link dev.inventory.query.parse.QuerySyntaxException} instead.
 *
 * <pre>{@code
 * try { jobs.add(job); } catch (JobException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class JobException extends InventoryException {
  private static final long serialVersionUID = 1L;

  public JobException(String message) {
    super(message);
  }

  public JobException(String message, Throwable cause) {
    super(message, cause);
  }
}
