package dev.inventory.state;

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
 *           cleaned (boolean), cleaned_time, cleanup (object: progress key to text)
 * </pre>
 *
 * @param clean the cleanup mark, if the node is marked for cleanup
 * @param protection the protection mark, if the node is protected
 * @param cleaned when the node was cleaned, if it was
 * @param progress cleanup progress by key (sorted), empty when there is none
 */
public record NodeState(
    Optional<Mark> clean, Optional<Mark> protection, Optional<Instant> cleaned, Map<String, String> progress) {

  /** The state of a node nobody has marked. */
  public static final NodeState EMPTY = new NodeState(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  public NodeState {
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(cleaned, "cleaned");
    progress = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(progress, "progress")));
  }

  /** Whether nothing is recorded for the node. */
  public boolean isEmpty() {
    return clean.isEmpty() && protection.isEmpty() && cleaned.isEmpty() && progress.isEmpty();
  }

  /** Whether the node is marked for cleanup ({@code desired.clean == true}). */
  public boolean isMarkedForCleanup() {
    return clean.isPresent();
  }

  /** Whether the node is protected ({@code metadata.protected == true}). */
  public boolean isProtected() {
    return protection.isPresent();
  }

  /** Whether the node was cleaned ({@code metadata.cleaned == true}). */
  public boolean isCleaned() {
    return cleaned.isPresent();
  }

  public NodeState withClean(Mark mark) {
    return new NodeState(Optional.of(mark), protection, cleaned, progress);
  }

  public NodeState withoutClean() {
    return new NodeState(Optional.empty(), protection, cleaned, progress);
  }

  public NodeState withProtection(Mark mark) {
    return new NodeState(clean, Optional.of(mark), cleaned, progress);
  }

  public NodeState withoutProtection() {
    return new NodeState(clean, Optional.empty(), cleaned, progress);
  }

  public NodeState withCleaned(Instant time) {
    return new NodeState(clean, protection, Optional.of(time), progress);
  }

  public NodeState withoutCleaned() {
    return new NodeState(clean, protection, Optional.empty(), progress);
  }

  /** Records one progress entry (replacing an earlier value of that key). */
  public NodeState withProgress(String key, String value) {
    Map<String, String> p = new TreeMap<>(progress);
    p.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new NodeState(clean, protection, cleaned, p);
  }

  /** Removes one progress entry. */
  public NodeState withoutProgress(String key) {
    Map<String, String> p = new TreeMap<>(progress);
    p.remove(key);
    return new NodeState(clean, protection, cleaned, p);
  }

  /** The {@code desired} section as plain values: {@code clean} always, the mark's details if set. */
  public Map<String, Object> desired() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clean", clean.isPresent());
    clean.ifPresent(mark -> putMark(m, "clean", mark));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The {@code metadata} section as plain values: {@code protected} and {@code cleaned} always, the
   * details when set, {@code cleanup} when there is progress.
   */
  public Map<String, Object> metadata() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("protected", protection.isPresent());
    protection.ifPresent(mark -> putMark(m, "protect", mark));
    m.put("cleaned", cleaned.isPresent());
    cleaned.ifPresent(t -> m.put("cleaned_time", t));
    if (!progress.isEmpty()) {
      m.put("cleanup", new LinkedHashMap<String, Object>(progress));
    }
    return Collections.unmodifiableMap(m);
  }

  private static void putMark(Map<String, Object> m, String prefix, Mark mark) {
    m.put(prefix + "_reason", mark.reason());
    m.put(prefix + "_time", mark.time());
    mark.query().ifPresent(q -> m.put(prefix + "_query", q));
  }
}
