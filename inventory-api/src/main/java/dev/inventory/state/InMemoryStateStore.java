package dev.inventory.state;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** A {@link StateStore} in memory; every operation holds one lock, so updates never interleave. */
final class InMemoryStateStore implements StateStore {
  private final Map<String, NodeState> states = new TreeMap<>();

  @Override
  public synchronized NodeState get(String id) {
    return states.getOrDefault(Objects.requireNonNull(id, "id"), NodeState.EMPTY);
  }

  @Override
  public synchronized Map<String, NodeState> all() {
    return new TreeMap<>(states);
  }

  @Override
  public synchronized NodeState update(String id, UnaryOperator<NodeState> change) {
    NodeState next = Objects.requireNonNull(change.apply(get(id)), "change returned null");
    put(states, id, next);
    return next;
  }

  @Override
  public synchronized void updateAll(Collection<String> ids, UnaryOperator<NodeState> change) {
    Map<String, NodeState> copy = new TreeMap<>(states);
    for (String id : ids) {
      NodeState next = Objects.requireNonNull(change.apply(copy.getOrDefault(id, NodeState.EMPTY)), "change returned null");
      put(copy, id, next);
    }
    states.clear();
    states.putAll(copy);
  }

  @Override
  public synchronized void replaceAll(Map<String, NodeState> replacement) {
    Map<String, NodeState> copy = new TreeMap<>();
    replacement.forEach((id, s) -> put(copy, id, s));
    states.clear();
    states.putAll(copy);
  }

  @Override
  public synchronized Set<String> importAbsent(Map<String, NodeState> imported) {
    return addAbsent(states, imported);
  }

  /** Adds to {@code map} the non-empty states of ids it does not hold; the ids added, sorted. */
  static Set<String> addAbsent(Map<String, NodeState> map, Map<String, NodeState> imported) {
    Objects.requireNonNull(imported, "states");
    Set<String> added = new TreeSet<>();
    imported.forEach((id, s) -> {
      Objects.requireNonNull(s, "state");
      if (!s.isEmpty() && !map.containsKey(Objects.requireNonNull(id, "id"))) {
        added.add(id);
      }
    });
    added.forEach(id -> map.put(id, imported.get(id)));
    return Collections.unmodifiableSet(added);
  }

  static void put(Map<String, NodeState> map, String id, NodeState state) {
    Objects.requireNonNull(id, "id");
    if (state.isEmpty()) {
      map.remove(id);
    } else {
      map.put(id, state);
    }
  }
}
