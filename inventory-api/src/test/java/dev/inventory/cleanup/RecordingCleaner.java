package dev.inventory.cleanup;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Resource;
import dev.inventory.spi.Cleaner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * An in-memory "cloud" for one kind that records every call. Resources live in a map; {@code
 * delete} removes, {@code deactivate} sets a {@link TestKey} inactive. Failures and hooks are
 * injected per call.
 */
final class RecordingCleaner implements Cleaner {
  record Call(String op, String id) {}

  private final String kind;
  private final List<CleanupStrategy> strategies;
  final Map<String, Resource> cloud = new ConcurrentHashMap<>();
  final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  /** Returns an exception to throw for (op, id), or null to go on. */
  volatile BiFunction<String, String, RuntimeException> failure = (op, id) -> null;
  /** Runs at the start of every call, for concurrency tests. */
  volatile Consumer<Call> hook = c -> { };

  RecordingCleaner(String kind, CleanupStrategy... strategies) {
    this.kind = kind;
    this.strategies = strategies.length == 0 ? List.of(CleanupStrategy.delete()) : List.of(strategies);
  }

  RecordingCleaner holding(Collection<? extends Resource> resources) {
    resources.forEach(r -> cloud.put(r.id(), r));
    return this;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public List<CleanupStrategy> strategies() {
    return strategies;
  }

  @Override
  public Optional<Resource> refresh(Resource resource, CleanupContext context) {
    enter("refresh", resource.id());
    return Optional.ofNullable(cloud.get(resource.id()));
  }

  @Override
  public void delete(Resource resource, CleanupContext context) {
    enter("delete", resource.id());
    if (cloud.remove(resource.id()) == null) {
      throw new ResourceGoneException(resource.id() + " does not exist");
    }
  }

  @Override
  public void deactivate(Resource resource, CleanupContext context) {
    enter("deactivate", resource.id());
    cloud.computeIfPresent(resource.id(), (id, r) -> ((TestKey) r).withStatus(AccessKeyStatus.INACTIVE));
  }

  private void enter(String op, String id) {
    Call call = new Call(op, id);
    calls.add(call);
    hook.accept(call);
    RuntimeException e = failure.apply(op, id);
    if (e != null) {
      throw e;
    }
  }

  List<Call> calls(String op) {
    List<Call> result = new ArrayList<>();
    for (Call c : calls) {
      if (c.op().equals(op)) {
        result.add(c);
      }
    }
    return result;
  }

  /** Calls that change something: delete and deactivate. */
  List<Call> mutatingCalls() {
    List<Call> result = new ArrayList<>(calls("delete"));
    result.addAll(calls("deactivate"));
    return result;
  }
}
