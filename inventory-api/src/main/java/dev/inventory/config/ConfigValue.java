package dev.inventory.config;

import dev.inventory.Suggestions;
import dev.inventory.cleanup.ConfigException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a {@link ConfigFile} with where it stands: an object (its fields in file order), a
 * list, a string, a boolean, a number or null. The accessors check the type and throw a {@link
 * ConfigException} naming the file, the line and column, the dotted path of the key and what was
 * expected, for example {@code w.yaml:2:20: worker.cleanup_dry_run: expected true or false, got
 * string "no"}. Immutable.
 */
public final class ConfigValue {
  private final Path file;
  private final String path;
  private final int keyLine;
  private final int keyColumn;
  private final int line;
  private final int column;
  private final Object value;
  private final String numberText;

  ConfigValue(Path file, String path, int keyLine, int keyColumn, int line, int column, Object value, String numberText) {
    this.file = file;
    this.path = path;
    this.keyLine = keyLine;
    this.keyColumn = keyColumn;
    this.line = line;
    this.column = column;
    this.value = value instanceof Map<?, ?> m ? Collections.unmodifiableMap(m)
        : value instanceof List<?> l ? Collections.unmodifiableList(l) : value;
    this.numberText = numberText;
  }

  /**
   * The dotted path of the key, for example {@code worker.cleanup}; empty for the top level.
   *
   * @return the dotted path of the key, for example {@code worker.cleanup}; empty for the top level
   */
  public String path() {
    return path;
  }

  /**
   * The 1-based line where the value starts.
   *
   * @return the 1-based line where the value starts
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column where the value starts.
   *
   * @return the 1-based column where the value starts
   */
  public int column() {
    return column;
  }

  /**
   * The 1-based line of the key (the value's own for the top level and list items).
   *
   * @return the 1-based line of the key (the value's own for the top level and list items)
   */
  public int keyLine() {
    return keyLine;
  }

  /**
   * The 1-based column of the key (the value's own for the top level and list items).
   *
   * @return the 1-based column of the key (the value's own for the top level and list items)
   */
  public int keyColumn() {
    return keyColumn;
  }

  /**
   * Whether the value is null (also a key with nothing after it in YAML).
   *
   * @return whether the value is null (also a key with nothing after it in YAML)
   */
  public boolean isNull() {
    return value == null;
  }

  /**
   * Whether the value is an object.
   *
   * @return whether the value is an object
   */
  public boolean isObject() {
    return value instanceof Map;
  }

  /**
   * The fields of an object, in file order.
   *
   * @return the fields by key
   * @throws ConfigException when the value is not an object
   */
  public Map<String, ConfigValue> fields() {
    if (value instanceof Map<?, ?>) {
      return objectFields();
    }
    throw error("expected an object of keys, got " + describe());
  }

  @SuppressWarnings("unchecked") // only the reader builds objects, always as Map<String, ConfigValue>
  private Map<String, ConfigValue> objectFields() {
    return (Map<String, ConfigValue>) value;
  }

  /**
   * One field of an object.
   *
   * @param key the key
   * @return its value, if the object has the key
   * @throws ConfigException when this value is not an object
   */
  public Optional<ConfigValue> field(String key) {
    return Optional.ofNullable(fields().get(key));
  }

  /**
   * The items of a list.
   *
   * @return the items in order
   * @throws ConfigException when the value is not a list
   */
  public List<ConfigValue> items() {
    if (value instanceof List<?> l) {
      return l.stream().map(ConfigValue.class::cast).toList();
    }
    throw error("expected a list, got " + describe());
  }

  /**
   * The value as a flag.
   *
   * @return true or false
   * @throws ConfigException when it is not {@code true} or {@code false}
   */
  public boolean asBoolean() {
    if (value instanceof Boolean b) {
      return b;
    }
    throw error("expected true or false, got " + describe());
  }

  /**
   * The value as a string.
   *
   * @return the text
   * @throws ConfigException when it is not a string
   */
  public String asString() {
    if (value instanceof String s) {
      return s;
    }
    throw error("expected a string, got " + describe());
  }

  /**
   * The value as text: a string as it is, a whole number as the file writes it (so that an
   * unquoted account id such as {@code 012345678901} keeps its leading zero).
   *
   * @return the text
   * @throws ConfigException when it is neither a string nor a whole number
   */
  public String asText() {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number && numberText != null && !numberText.contains(".") && !numberText.contains("e")
        && !numberText.contains("E")) {
      return numberText;
    }
    throw error("expected a string or a whole number, got " + describe());
  }

  /**
   * The value as an integer of at least {@code min}.
   *
   * @param min the smallest value accepted
   * @param expected what to call an accepted value in the message, for example {@code an integer
   *     of at least 1}
   * @return the integer
   * @throws ConfigException for another type, a fraction, a number too large, or one below min
   */
  public int asInt(int min, String expected) {
    if (value instanceof Integer n) {
      if (n < min) {
        throw error("expected " + expected + ", got " + n);
      }
      return n;
    }
    if (value instanceof Number && numberText != null && !numberText.contains(".") && !numberText.contains("e")
        && !numberText.contains("E")) {
      throw error("expected " + expected + ", got " + numberText + " (too large)");
    }
    throw error("expected " + expected + ", got " + describe());
  }

  /**
   * Refuses an object key that is not known, naming the closest known one.
   *
   * @param known the keys a reader understands
   * @throws ConfigException at the first unknown key, for example {@code w.yaml:3:3:
   *     worker.cleanup_pool: unknown key (did you mean 'cleanup_pool_size'?); known keys: cleanup,
   *     ...}; also when this value is not an object
   */
  public void checkKeys(Collection<String> known) {
    checkKeys(known, "key", "keys");
  }

  void checkKeys(Collection<String> known, String one, String many) {
    for (Map.Entry<String, ConfigValue> e : fields().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw e.getValue().keyError("unknown " + one + Suggestions.didYouMean(e.getKey(), known) + "; known " + many
            + ": " + String.join(", ", known));
      }
    }
  }

  /**
   * An error about this value, at its position, naming its path.
   *
   * @param problem what is wrong, for example {@code expected an integer of at least 1, got 0}
   * @return the exception, to throw
   */
  public ConfigException error(String problem) {
    return new ConfigException(path.isEmpty() ? null : path, file, line, column, problem, null);
  }

  /**
   * An error about this value's key, at the key's position, naming its path.
   *
   * @param problem what is wrong, for example {@code unknown key}
   * @return the exception, to throw
   */
  public ConfigException keyError(String problem) {
    return new ConfigException(path.isEmpty() ? null : path, file, keyLine, keyColumn, problem, null);
  }

  /**
   * What the value is, for messages: {@code an object}, {@code string "no"}, {@code number 2.5}, {@code null}.
   *
   * @return what the value is, for messages: {@code an object}, {@code string "no"}, {@code number 2.5}, {@code null}
   */
  public String describe() {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "an object";
    } else if (value instanceof List) {
      return "a list";
    } else if (value instanceof String s) {
      return "string \"" + s + "\"";
    } else if (value instanceof Number n) {
      return "number " + (numberText != null ? numberText : n.toString());
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(top level)" : path) + " at " + line + ":" + column + ": " + describe();
  }
}
