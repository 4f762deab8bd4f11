package dev.inventory.query.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON object literal {@code {"a": "b", n: 1}}: compared with {@code ==} it equals an object
 * property with the same keys and equal values ({@code tags == {"owner": "ci"}}). Keys keep the order
 * they were written in; equality ignores it.
 *
 * <pre>{@code
 * ObjectValue.of(Map.of("owner", StringValue.of("ci")));   // prints {"owner": "ci"}
 * }</pre>
 *
 * @param entries the keys and their values
 */
public record ObjectValue(Map<String, Value> entries) implements Value {
  public ObjectValue {
    Objects.requireNonNull(entries, "entries");
    Map<String, Value> copy = new LinkedHashMap<>();
    entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value")));
    entries = Collections.unmodifiableMap(copy);
  }

  /**
   * An object of these entries.
   *
   * @param entries the keys and their values
   * @return the literal
   */
  public static ObjectValue of(Map<String, Value> entries) {
    return new ObjectValue(entries);
  }

  @Override
  public String toString() {
    return Printer.print(this);
  }
}
