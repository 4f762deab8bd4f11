package dev.inventory.query.ast;

/**
 * How {@code list} renders rows.
 *
 * <pre>{@code
 * search is(user) | list --markdown name, account
 * }</pre>
 */
public enum ListFormat {
  /** {@code name=value} pairs joined by {@code , }, missing values left out. */
  PLAIN,
  /** {@code --csv}: a header row, then one row per node; missing values are empty cells. */
  CSV,
  /** {@code --json}: an array of objects, one per node; missing values are {@code null}. */
  JSON,
  /** {@code --markdown}: a table; missing values are empty cells. */
  MARKDOWN
}
