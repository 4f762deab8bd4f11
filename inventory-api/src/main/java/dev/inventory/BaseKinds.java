package dev.inventory;

import java.util.List;

/**
 * The base kinds every registry knows: {@code resource} and, below it, {@code cloud}, {@code
 * account}, {@code region}, {@code user}, {@code group}, {@code role}, {@code access_key}.
 *
 * <p>{@code resource} declares the properties every node has: {@code id}, {@code kind}, {@code
 * name}, {@code tags}, {@code ctime}, {@code mtime}, {@code atime}. {@code access_key} adds {@code
 * access_key_status} and {@code last_use}. {@code user} declares that its access keys must be gone
 * before it is cleaned ({@link Kind#requiresGoneFirst()}), for every user kind.
 */
public final class BaseKinds {
  public static final String RESOURCE = "resource";
  public static final String CLOUD = "cloud";
  public static final String ACCOUNT = "account";
  public static final String REGION = "region";
  public static final String USER = "user";
  public static final String GROUP = "group";
  public static final String ROLE = "role";
  public static final String ACCESS_KEY = "access_key";

  private BaseKinds() {}

  /** The declarations of the base kinds, {@code resource} first. */
  public static List<Kind> all() {
    return List.of(
        Kind.builder(RESOURCE, Resource.class)
            .property(Property.of(Resource.class, "id", ValueType.STRING, Resource::id))
            .property(Property.of(Resource.class, "kind", ValueType.STRING, Resource::kind))
            .property(Property.of(Resource.class, "name", ValueType.STRING, r -> r.name().orElse(null)))
            .property(Property.of(Resource.class, "tags", ValueType.DICTIONARY, Resource::tags))
            .property(Property.of(Resource.class, "ctime", ValueType.DATETIME, r -> r.ctime().orElse(null)))
            .property(Property.of(Resource.class, "mtime", ValueType.DATETIME, r -> r.mtime().orElse(null)))
            .property(Property.of(Resource.class, "atime", ValueType.DATETIME, r -> r.atime().orElse(null)))
            .build(),
        Kind.builder(CLOUD, Cloud.class).build(),
        Kind.builder(ACCOUNT, Account.class).build(),
        Kind.builder(REGION, Region.class).build(),
        // IAM refuses to delete a user that still owns access keys, and a user without its keys is the goal.
        Kind.builder(USER, User.class).requiresGoneFirst(ACCESS_KEY).build(),
        Kind.builder(GROUP, Group.class).build(),
        Kind.builder(ROLE, Role.class).build(),
        Kind.builder(ACCESS_KEY, AccessKey.class)
            .property(
                Property.of(
                    AccessKey.class,
                    "access_key_status",
                    ValueType.STRING,
                    k -> k.accessKeyStatus().map(AccessKeyStatus::label).orElse(null)))
            .property(Property.of(AccessKey.class, "last_use", ValueType.STRING, k -> k.lastUse().label()))
            .build());
  }
}
