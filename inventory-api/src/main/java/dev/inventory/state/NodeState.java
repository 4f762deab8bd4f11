package dev.inventory.state;

import dev.inventory.PropertyValueException;
import dev.inventory.Values;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the library remembers about one node beyond a snapshot: the cleanup mark ({@code
 * desired.clean}), the protection mark ({@code metadata.protected}), when it was cleaned ({@code
 * metadata.cleaned}), and free-form cleanup progress (for example when a key was deactivated).
 * Immutable; the {@code with...} methods return changed copies.
 *
 * <p>Queries see this through two sections, {@link #desired()} and {@link #metadata()}, whose keys
 * are also the keys of the fixture format:
 *
 * <pre>
 * desired:  clean (boolean), clean_reason, clean_time, clean_query
 * metadata: protected (boolean), protect_reason, protect_time, protect_query,
 *           cleaned (boolean), cleaned_reason, cleaned_time, cleaned_query,
 *           cleanup (object: progress key to text)
 * </pre>
 *
 * @param clean the cleanup mark, if the node is marked for cleanup
 * @param protection the protection mark, if the node is protected
 * @param cleaned when and how the node was cleaned, if it was (the reason says what was done)
 * @param progress cleanup progress by key (sorted), empty when there is none
 */
public record NodeState(
    Optional<Mark> clean, Optional<Mark> protection, Optional<Mark> cleaned, Map<String, String> progress) {

  /** The state of a node nobody has marked. */
  public static final NodeState EMPTY = new NodeState(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  /**
   * Copies the progress.
   *
   * @param clean the cleanup mark, if any
   * @param protection the protection mark, if any
   * @param cleaned the record of a done cleanup, if any
   * @param progress the cleanup's progress entries
   */
  public NodeState {
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(cleaned, "cleaned");
    progress = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(progress, "progress")));
  }

  /**
   * Whether nothing is recorded for the node.
   *
   * @return whether the state is empty
   */
  public boolean isEmpty() {
    return clean.isEmpty() && protection.isEmpty() && cleaned.isEmpty() && progress.isEmpty();
  }

  /**
   * Whether the node is marked for cleanup ({@code desired.clean == true}).
   *
   * @return whether a cleanup mark is set
   */
  public boolean isMarkedForCleanup() {
    return clean.isPresent();
  }

  /**
   * Whether the node is protected ({@code metadata.protected == true}).
   *
   * @return whether a protection mark is set
   */
  public boolean isProtected() {
    return protection.isPresent();
  }

  /**
   * Whether the node was cleaned ({@code metadata.cleaned == true}).
   *
   * @return whether a cleanup was recorded
   */
  public boolean isCleaned() {
    return cleaned.isPresent();
  }

  /**
   * This state with a cleanup mark.
   *
   * @param mark the mark
   * @return the changed state
   */
  public NodeState withClean(Mark mark) {
    return new NodeState(Optional.of(mark), protection, cleaned, progress);
  }

  /**
   * This state without a cleanup mark.
   *
   * @return the changed state
   */
  public NodeState withoutClean() {
    return new NodeState(Optional.empty(), protection, cleaned, progress);
  }

  /**
   * This state with a protection mark.
   *
   * @param mark the mark
   * @return the changed state
   */
  public NodeState withProtection(Mark mark) {
    return new NodeState(clean, Optional.of(mark), cleaned, progress);
  }

  /**
   * This state without a protection mark.
   *
   * @return the changed state
   */
  public NodeState withoutProtection() {
    return new NodeState(clean, Optional.empty(), cleaned, progress);
  }

  /**
   * This state with a record of a done cleanup.
   *
   * @param mark the record
   * @return the changed state
   */
  public NodeState withCleaned(Mark mark) {
    return new NodeState(clean, protection, Optional.of(mark), progress);
  }

  /**
   * This state without the record of a done cleanup.
   *
   * @return the changed state
   */
  public NodeState withoutCleaned() {
    return new NodeState(clean, protection, Optional.empty(), progress);
  }

  /**
   * Records one progress entry (replacing an earlier value of that key).
   *
   * @param key the entry's key
   * @param value the entry's value
   * @return the changed state
   */
  public NodeState withProgress(String key, String value) {
    Map<String, String> p = new TreeMap<>(progress);
    p.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new NodeState(clean, protection, cleaned, p);
  }

  /**
   * Removes one progress entry.
   *
   * @param key the entry's key
   * @return the changed state
   */
  public NodeState withoutProgress(String key) {
    Map<String, String> p = new TreeMap<>(progress);
    p.remove(key);
    return new NodeState(clean, protection, cleaned, p);
  }

  /**
   * The {@code desired} section as plain values: {@code clean} always, the mark's details if set.
   *
   * @return the {@code desired} section
   */
  public Map<String, Object> desired() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clean", clean.isPresent());
    clean.ifPresent(mark -> putMark(m, "clean", mark));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The {@code metadata} section as plain values: {@code protected} and {@code cleaned} always, the
   * details when set, {@code cleanup} when there is progress.
   *
   * @return the {@code metadata} section
   */
  public Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protected", protection.isPresent());
    protection.ifPresent(mark -> putMark(m, "protect", mark));
    m.put("cleaned", cleaned.isPresent());
    cleaned.ifPresent(mark -> putMark(m, "cleaned", mark));
    if (!progress.isEmpty()) {
      m.put("cleanup", new LinkedHashMap<String, Object>(progress));
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Reads a state from its two sections, the inverse of {@link #desired()} and {@link #metadata()}.
   * Times may be {@link Instant}s or ISO-8601 text. Keys this library does not use are ignored, so
   * sections exported by Fix Inventory load.
   *
   * @param desired the {@code desired} section
   * @param metadata the {@code metadata} section
   * @return the state
   * @throws PropertyValueException naming the field ({@code desired.clean_time}) and what was
   *     expected, for a value of the wrong type
   */
  public static NodeState fromSections(Map<String, ?> desired, Map<String, ?> metadata) {
    Map<String, ?> d = desired == null ? Map.of() : desired;
    Map<String, ?> m = metadata == null ? Map.of() : metadata;
    Optional<Mark> clean = readMark(d, "desired", "clean", "clean");
    Optional<Mark> protection = readMark(m, "metadata", "protected", "protect");
    Optional<Mark> cleaned = readMark(m, "metadata", "cleaned", "cleaned");
    Map<String, String> progress = new TreeMap<>();
    Object cleanup = m.get("cleanup");
    if (cleanup != null) {
      if (!(cleanup instanceof Map<?, ?> map)) {
        throw new PropertyValueException("metadata.cleanup", "an object of strings",
            "metadata.cleanup: expected an object of strings, got " + Values.describe(cleanup));
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getValue() instanceof String v)) {
          String field = "metadata.cleanup." + e.getKey();
          throw new PropertyValueException(field, "a string",
              field + ": expected a string, got " + Values.describe(e.getValue()));
        }
        progress.put(String.valueOf(e.getKey()), v);
      }
    }
    return new NodeState(clean, protection, cleaned, progress);
  }

  private static Optional<Mark> readMark(Map<String, ?> section, String sectionName, String flag, String prefix) {
    Object set = section.get(flag);
    if (set == null || Boolean.FALSE.equals(set)) {
      return Optional.empty();
    }
    if (!Boolean.TRUE.equals(set)) {
      String field = sectionName + "." + flag;
      throw new PropertyValueException(field, "true or false",
          field + ": expected true or false, got " + Values.describe(set));
    }
    String reason = readString(section, sectionName, prefix + "_reason").orElse("");
    Optional<Instant> time = readTime(section, sectionName, prefix + "_time");
    Optional<String> query = readString(section, sectionName, prefix + "_query");
    return Optional.of(new Mark(reason, time, query));
  }

  private static Optional<String> readString(Map<String, ?> section, String sectionName, String key) {
    Object v = section.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      String field = sectionName + "." + key;
      throw new PropertyValueException(field, "a string", field + ": expected a string, got " + Values.describe(v));
    }
    return Optional.of(s);
  }

  private static Optional<Instant> readTime(Map<String, ?> section, String sectionName, String key) {
    Object v = section.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Instant i) {
      return Optional.of(i);
    }
    Optional<Instant> parsed = v instanceof String s ? Values.parseDatetime(s) : Optional.empty();
    if (parsed.isEmpty()) {
      String field = sectionName + "." + key;
      throw new PropertyValueException(field, "an ISO-8601 datetime",
          field + ": expected an ISO-8601 datetime, got " + Values.describe(v));
    }
    return parsed;
  }

  private static void putMark(Map<String, Object> m, String prefix, Mark mark) {
    m.put(prefix + "_reason", mark.reason());
    mark.time().ifPresent(t -> m.put(prefix + "_time", t));
    mark.query().ifPresent(q -> m.put(prefix + "_query", q));
  }
}
