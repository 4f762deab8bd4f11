package dev.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the resource graph: one cloud resource as it was collected.
 *
 * <p>Resources are immutable values. Marks that must outlive a collect (clean, protected, cleaned)
 * live in a {@link dev.inventory.state.StateStore}, never on the resource.
 *
 * <p>Every resource has a {@linkplain #kind() kind} known to a {@link KindRegistry}; the kind
 * decides which typed properties exist. Properties that no Java class declares (a resource of an
 * unknown kind loaded from a fixture, or extra fields of a known kind) are kept in {@link
 * #additionalProperties()} and stay readable by path.
 */
public interface Resource {

  /**
   * The graph id: the node's key in an {@link Inventory}, in edges and in the state store, and
   * what {@code id(...)} matches in a query. For what this library collects it is the resource's
   * own id and stable across collects; in a Fix Inventory export it is Fix's node id, a hash.
    *
    * @return the graph id: the node's key in an {@link Inventory}, in edges and in the state store, and what {@code id(...)} matches in a query
   */
  String id();

  /**
   * The resource's own id, as its cloud knows it (the access key id, the account id, the UserId):
   * what a cleaner sends to the cloud, the property {@code id} of queries and {@code reported.id}
   * in a fixture. The same as {@link #id()} unless the resource was loaded from a source whose
   * graph ids are not the resources' ids, such as a Fix Inventory export.
   *
   * @return the resource id, never null
   */
  default String resourceId() {
    return id();
  }

  /**
   * The snake_case kind name, for example {@code aws_iam_access_key}.
   *
   * @return the snake_case kind name, for example {@code aws_iam_access_key}
   */
  String kind();

  /**
   * The resource's name, if it has one.
   *
   * @return the name, or empty
   */
  Optional<String> name();

  /**
   * Tags (key to value); empty when there are none.
   *
   * @return the tags, never null
   */
  Map<String, String> tags();

  /**
   * When the resource was created, if known.
   *
   * @return the creation time, or empty
   */
  Optional<Instant> ctime();

  /**
   * When the resource was last modified, if known.
   *
   * @return the modification time, or empty
   */
  Optional<Instant> mtime();

  /**
   * When the resource was last accessed or used, if known.
   *
   * @return the last access time, or empty
   */
  Optional<Instant> atime();

  /**
   * Properties this resource carries beyond those its kind declares, as plain values ({@link
   * String}, {@link Long}, {@link Double}, {@link Boolean}, {@link java.time.Instant}, {@code
   * List<Object>}, {@code Map<String, Object>}). Empty for most typed resources.
   *
   * @return the additional properties by name, empty when there are none
   */
  default Map<String, Object> additionalProperties() {
    return Map.of();
  }
}
