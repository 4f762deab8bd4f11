package dev.inventory.spi;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.Resource;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupStrategy;
import java.util.List;
import java.util.Optional;

/**
 * Cleans resources of one kind (and of its subkinds that have no cleaner of their own) for a {@link
 * dev.inventory.cleanup.CleanupExecutor}: it reads the resource fresh from its source and supplies the
 * primitive calls. Which calls run, in which order, and every safety check (dry run, protection,
 * the fresh re-check, grace periods) is the executor's job, the same for every cleaner.
 *
 * <p>Register an implementation on {@code CleanupExecutor.builder().cleaner(...)} or in {@code
 * META-INF/services/dev.inventory.spi.Cleaner} (then it needs a public no-argument constructor).
 * Implementations must be thread-safe: the executor calls them from a pool.
 *
 * <pre>{@code
 * public final class IamAccessKeyCleaner implements Cleaner {
 *   public String kind() { return "aws_iam_access_key"; }
 *   public Optional<Resource> refresh(Resource key, CleanupContext c) { ... ListAccessKeys ... }
 *   public List<CleanupStrategy> strategies() {
 *     return List.of(CleanupStrategy.deactivateThenDelete(), CleanupStrategy.delete());
 *   }
 *   public void delete(Resource key, CleanupContext c) { ... DeleteAccessKey ... }
 *   public void deactivate(Resource key, CleanupContext c) { ... UpdateAccessKey Inactive ... }
 * }
 * }</pre>
 *
 * <p>Errors: throw {@link CleanupActionException} with a retryable flag (throttling: yes; access
 * denied: no), or {@link dev.inventory.cleanup.ResourceGoneException} when the source says the
 * resource no longer exists. Anything else is reported as a failure that is not retryable.
 */
public interface Cleaner {

  /**
   * The kind this cleaner handles, for example {@code aws_iam_access_key}.
   *
   * @return the kind name
   */
  String kind();

  /**
   * Reads the resource again from its source. Must not change anything: it is also called in dry
   * runs.
   *
   * @param resource the resource as the snapshot holds it
   * @param context the run's snapshot, the node's state, the time and the mode
   * @return the resource as it is now, or empty when it no longer exists
   */
  Optional<Resource> refresh(Resource resource, CleanupContext context);

  /**
   * The strategies this cleaner supports, the preferred one first; the executor uses the first
   * unless its builder chose another for the kind. {@code delete} unless overridden.
   *
   * @return the supported strategies, at least one
   */
  default List<CleanupStrategy> strategies() {
    return List.of(CleanupStrategy.delete());
  }

  /**
   * Deletes the resource. Never called in a dry run.
   *
   * @param resource the resource as refreshed before the action
   * @param context the run's snapshot, the node's state, the time and the mode
   */
  void delete(Resource resource, CleanupContext context);

  /**
   * Deactivates the resource (an access key: set it {@code Inactive}). Never called in a dry run.
   * Needed by the {@code deactivate} strategies; unsupported unless overridden.
   *
   * @param resource the resource as refreshed before the action
   * @param context the run's snapshot, the node's state, the time and the mode
   */
  default void deactivate(Resource resource, CleanupContext context) {
    throw CleanupActionException.permanent(getClass().getName() + " cannot deactivate resources of kind " + kind());
  }

  /**
   * Whether a refreshed resource is inactive. By default an {@link AccessKey} whose status is
   * {@code Inactive}; a resource of any other type never is.
   *
   * @param refreshed the resource as just read again
   * @return whether it is inactive
   */
  default boolean isDeactivated(Resource refreshed) {
    return refreshed instanceof AccessKey key && key.accessKeyStatus().equals(Optional.of(AccessKeyStatus.INACTIVE));
  }

  /**
   * Whether this cleaner only records cleanup in the state store and calls nothing outside (a
   * fixture's cleaner). The report says so for every node it handled.
   *
   * @return whether the cleaner acts on the state store only
   */
  default boolean actsOnStateOnly() {
    return false;
  }
}
