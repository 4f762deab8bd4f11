package dev.inventory.cleanup;

import dev.inventory.Resource;
import dev.inventory.spi.Cleaner;
import java.util.Objects;
import java.util.Optional;

/**
 * A cleaner for fixtures and tests that calls nothing outside: a refresh returns the snapshot's
 * resource unchanged, and cleaning is only recorded in the state store ({@code metadata.cleaned}),
 * which the executor does for every cleaned node. The report says so for every node it handled.
 *
 * <pre>{@code
 * CleanupExecutor executor = CleanupExecutor.builder()
 *     .cleaner(StateOnlyCleaner.forKind("aws_iam_access_key"))
 *     .config(CleanupConfig.builder().cleanup(true).dryRun(false).build())
 *     .build();
 * executor.run(CleanupPlan.of(fixture.inventory(), fixture.state()));   // marks keys cleaned in the state
 * }</pre>
 */
public final class StateOnlyCleaner implements Cleaner {
  private final String kind;

  private StateOnlyCleaner(String kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * A state-only cleaner for {@code kind} (and its subkinds without a cleaner of their own).
   *
   * @param kind the kind name
   * @return the cleaner
   */
  public static StateOnlyCleaner forKind(String kind) {
    return new StateOnlyCleaner(kind);
  }

  @Override
  public String kind() {
    return kind;
  }

  /** The snapshot's resource: a fixture has no source to read again. */
  @Override
  public Optional<Resource> refresh(Resource resource, CleanupContext context) {
    return Optional.of(resource);
  }

  /** Nothing to call; the executor records the cleaning in the state store. */
  @Override
  public void delete(Resource resource, CleanupContext context) {
    // the state store is the only place this cleaner acts on
  }

  @Override
  public boolean actsOnStateOnly() {
    return true;
  }

  @Override
  public String toString() {
    return "StateOnlyCleaner(" + kind + ")";
  }
}
