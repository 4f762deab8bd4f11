package dev.inventory.cleanup;

import dev.inventory.InventoryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A configuration value is wrong: an unknown key, a value of the wrong type, or a value out of
 * range. The message names the key and, for a file, the file and the line and column, for example
 * {@code worker.yaml:3:22: worker.cleanup_pool_size: expected an integer of at least 1, got 0}.
 *
 * <pre>{@code
 * try {
 *   CleanupConfig config = CleanupConfig.load(Path.of("worker.yaml"));
 * } catch (ConfigException e) {
 *   System.err.println(e.getMessage());
 *   e.line();   // OptionalInt[3]
 * }
 * }</pre>
 */
public class ConfigException extends InventoryException {
  private static final long serialVersionUID = 1L;

  /** The key the error is about, or null. */
  private final String key;
  private final transient Path file;
  /** The 1-based line, 0 when not known. */
  private final int line;
  /** The 1-based column, 0 when not known. */
  private final int column;

  /**
   * @param key the key the error is about (for example {@code worker.cleanup_pool_size}), or null
   *     when the error is not about one key (the file is not valid YAML)
   * @param file the file, or null for a value set in code
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param problem what is wrong, without the position
   * @param cause the underlying error, or null
   */
  public ConfigException(String key, Path file, int line, int column, String problem, Throwable cause) {
    super(message(key, file, line, column, problem), cause);
    this.key = key;
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String message(String key, Path file, int line, int column, String problem) {
    StringBuilder b = new StringBuilder();
    if (file != null) {
      b.append(file);
      if (line > 0) {
        b.append(':').append(line);
        if (column > 0) {
          b.append(':').append(column);
        }
      }
      b.append(": ");
    }
    if (key != null) {
      b.append(key).append(": ");
    }
    return b.append(problem).toString();
  }

  /**
   * The key the error is about, if it is about one.
   *
   * @return the key, or empty
   */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /**
   * The file, if the value came from one.
   *
   * @return the file, or empty
   */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * The 1-based line in the file, if known.
   *
   * @return the line, or empty
   */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /**
   * The 1-based column in the file, if known.
   *
   * @return the column, or empty
   */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }
}
