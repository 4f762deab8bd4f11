package dev.inventory.query;

import dev.inventory.query.ast.Path;
import dev.inventory.query.dsl.DateTimeProperty;
import dev.inventory.query.dsl.StringProperty;

/**
 * Properties of access keys ({@code access_key} and its subkinds such as {@code
 * aws_iam_access_key}), named after their query names, so
 * Java and text queries read alike.
 *
 * <pre>{@code
 * import static dev.inventory.query.AccessKeys.*;
 * import static dev.inventory.query.Q.*;
 *
 * Search.of(AccessKey.class).where(ACCESS_KEY_STATUS.eq("Active").and(LAST_USE.eq("never")));
 * // is(access_key) and access_key_status == Active and last_use == never
 * }</pre>
 */
public final class AccessKeys {
  /** {@code access_key_status}: {@code Active} or {@code Inactive}, as AWS spells them. */
  public static final StringProperty ACCESS_KEY_STATUS = new StringProperty(Path.reported("access_key_status"));

  /** {@code last_use}: {@code used}, {@code never} or {@code unknown}. */
  public static final StringProperty LAST_USE = new StringProperty(Path.reported("last_use"));

  /** {@code user_name}: the name of the owning user. */
  public static final StringProperty USER_NAME = new StringProperty(Path.reported("user_name"));

  /** {@code access_key_last_used.last_used}: when AWS last saw the key used. */
  public static final DateTimeProperty LAST_USED =
      new DateTimeProperty(Path.reported("access_key_last_used", "last_used"));

  /** {@code access_key_last_used.service_name}: the service of the last use. */
  public static final StringProperty LAST_USED_SERVICE =
      new StringProperty(Path.reported("access_key_last_used", "service_name"));

  /** {@code access_key_last_used.region}: the region of the last use. */
  public static final StringProperty LAST_USED_REGION =
      new StringProperty(Path.reported("access_key_last_used", "region"));

  private AccessKeys() {}
}
