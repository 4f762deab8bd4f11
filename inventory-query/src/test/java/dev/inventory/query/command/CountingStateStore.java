package dev.inventory.query.command;

import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** An in-memory store that counts writes, to check that a line writes once. */
final class CountingStateStore implements StateStore {
  private final StateStore delegate = StateStore.inMemory();
  int updates;
  int updateAlls;

  @Override
  public NodeState get(String id) {
    return delegate.get(id);
  }

  @Override
  public Map<String, NodeState> all() {
    return delegate.all();
  }

  @Override
  public NodeState update(String id, UnaryOperator<NodeState> change) {
    updates++;
    return delegate.update(id, change);
  }

  @Override
  public void updateAll(Collection<String> ids, UnaryOperator<NodeState> change) {
    updateAlls++;
    delegate.updateAll(ids, change);
  }

  @Override
  public void replaceAll(Map<String, NodeState> states) {
    delegate.replaceAll(states);
  }

  @Override
  public Set<String> importAbsent(Map<String, NodeState> states) {
    return delegate.importAbsent(states);
  }
}
