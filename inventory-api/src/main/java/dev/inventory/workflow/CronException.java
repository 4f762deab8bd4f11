package dev.inventory.workflow;

import dev.inventory.InventoryException;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression could not be parsed. The message quotes the expression, names the field and the
 * offending text, and gives the allowed range, for example:
 *
 * <pre>{@code
 * cron "61 * * * *": minute field: 61 is out of range 0-59
 * }</pre>
 */
public class CronException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** The expression text as given. */
  private final String expression;
  /** The field at fault, or null. */
  private final String field;

  CronException(String expression, String field, String problem) {
    super("cron \"" + expression + "\": " + (field == null ? "" : field + " field: ") + problem);
    this.expression = Objects.requireNonNull(expression, "expression");
    this.field = field;
  }

  /**
   * The expression text as given to {@link CronExpression#parse(String)}.
   *
   * @return the expression text
   */
  public String expression() {
    return expression;
  }

  /**
   * The field at fault ({@code minute}, {@code hour}, {@code day-of-month}, {@code month},
   * {@code day-of-week}); absent when the expression as a whole is wrong (field count, macro).
   *
   * @return the field, or empty
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
