package dev.inventory.aws;

import dev.inventory.AccessKeyStatus;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.internal.AwsErrors;
import dev.inventory.aws.internal.IamCleanup;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.spi.Cleaner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * The {@link Cleaner} of IAM access keys ({@code aws_iam_access_key}), through an {@link AwsSession}
 * that reaches the keys' accounts.
 *
 * <ul>
 *   <li>{@code refresh}: {@code ListAccessKeys} of the owner (every page) and {@code
 *       GetAccessKeyLastUsed}; a key no longer listed, or whose user is gone, is gone. The fresh key
 *       keeps the snapshot's other values with the new status and last use (used at a time, or
 *       never).
 *   <li>{@code delete}: {@code DeleteAccessKey}; {@code deactivate}: {@code UpdateAccessKey
 *       Status=Inactive}; both always with {@code UserName}, since IAM would otherwise act on the
 *       caller's own keys.
 *   <li>Errors: {@code NoSuchEntity} means already gone; {@code AccessDenied} is a failure that is
 *       not retryable; throttling and 5xx errors are retried by the session and, when they outlast
 *       those retries, are a retryable failure; any other AWS error is a permanent failure with its
 *       code.
 *   <li>Strategies: {@code delete} (the default), {@code deactivate}, {@code
 *       deactivate_then_delete} (14 days unless another grace period is chosen on the executor).
 *   <li>The root user's keys are refreshed as they are in the snapshot (they come from the
 *       credential report) and never deleted or deactivated: only the root user can do that.
 * </ul>
 *
 * <p>A key's account is its {@code aws_account} ancestor in the snapshot; every call goes through
 * {@link AwsAccountClients#call}, with its rate limit and retries.
 *
 * <pre>{@code
 * try (AwsSession aws = AwsSession.builder().access(AwsAccess.profile("prod")).build()) {
 *   CleanupExecutor executor = CleanupExecutor.builder()
 *       .config(CleanupConfig.builder().cleanup(true).dryRun(false).build())
 *       .cleaner(new IamAccessKeyCleaner(aws))
 *       .cleaner(new IamUserCleaner(aws))
 *       .strategy(AwsKinds.AWS_IAM_ACCESS_KEY, CleanupStrategy.deactivateThenDelete(Duration.ofDays(30)))
 *       .build();
 *   CleanupReport report = executor.run(snapshot, state);
 * }
 * }</pre>
 */
public final class IamAccessKeyCleaner implements Cleaner {
  /** The message of the failure for a root user's key. */
  public static final String ROOT_KEY_REFUSAL = "root access keys can be removed only by the root user (sign in as root)";

  private static final String NOT_AVAILABLE = "N/A";

  private final AwsSession session;

  /**
   * A cleaner that reaches each key's account through {@code session}'s clients.
   *
   * @param session the session whose clients reach the keys' accounts
   */
  public IamAccessKeyCleaner(AwsSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_IAM_ACCESS_KEY;
  }

  @Override
  public List<CleanupStrategy> strategies() {
    return List.of(CleanupStrategy.delete(), CleanupStrategy.deactivate(), CleanupStrategy.deactivateThenDelete());
  }

  @Override
  public Optional<Resource> refresh(Resource key, CleanupContext context) {
    if (IamCleanup.isRootKey(context.snapshot(), key)) {
      return Optional.of(key);
    }
    String user = userName(key, context);
    AwsAccountClients clients = clients(key, context);
    Optional<AccessKeyMetadata> listed;
    try {
      listed = listKeys(clients, user).stream().filter(m -> key.resourceId().equals(m.accessKeyId())).findFirst();
    } catch (SdkException e) {
      if (AwsErrors.isNoSuchEntity(e)) {
        return Optional.empty();
      }
      throw IamCleanup.failure("ListAccessKeys", "user " + user, e);
    }
    if (listed.isEmpty()) {
      return Optional.empty();
    }
    AccessKeyLastUsed lastUsed;
    try {
      lastUsed = clients.call("GetAccessKeyLastUsed",
          () -> clients.iam().getAccessKeyLastUsed(r -> r.accessKeyId(key.resourceId()))).accessKeyLastUsed();
    } catch (SdkException e) {
      // For a key that no longer exists IAM may answer AccessDenied rather than NoSuchEntity
      // (IAM models no error for this call): the key was listed a moment ago, so list again to tell.
      if (AwsErrors.isNoSuchEntity(e) || (AwsErrors.isAccessDenied(e) && !stillListed(clients, user, key.resourceId()))) {
        return Optional.empty();
      }
      throw IamCleanup.failure("GetAccessKeyLastUsed", "access key " + key.resourceId(), e);
    }
    return Optional.of(fresh(key, user, listed.get(), lastUsed));
  }

  @Override
  public void delete(Resource key, CleanupContext context) {
    refuseRootKey(key, context);
    String user = userName(key, context);
    AwsAccountClients clients = clients(key, context);
    IamCleanup.call(clients, "DeleteAccessKey", "access key " + key.resourceId() + " of user " + user,
        () -> clients.iam().deleteAccessKey(r -> r.userName(user).accessKeyId(key.resourceId())));
  }

  @Override
  public void deactivate(Resource key, CleanupContext context) {
    refuseRootKey(key, context);
    String user = userName(key, context);
    AwsAccountClients clients = clients(key, context);
    IamCleanup.call(clients, "UpdateAccessKey", "access key " + key.resourceId() + " of user " + user,
        () -> clients.iam().updateAccessKey(r -> r.userName(user).accessKeyId(key.resourceId()).status(StatusType.INACTIVE)));
  }

  private static void refuseRootKey(Resource key, CleanupContext context) {
    if (IamCleanup.isRootKey(context.snapshot(), key)) {
      throw CleanupActionException.permanent(ROOT_KEY_REFUSAL);
    }
  }

  private static boolean stillListed(AwsAccountClients clients, String user, String keyId) {
    try {
      return listKeys(clients, user).stream().anyMatch(m -> keyId.equals(m.accessKeyId()));
    } catch (SdkException e) {
      if (AwsErrors.isNoSuchEntity(e)) {
        return false;
      }
      throw IamCleanup.failure("ListAccessKeys", "user " + user, e);
    }
  }

  static List<AccessKeyMetadata> listKeys(AwsAccountClients clients, String user) {
    return IamCleanup.allPages(
        marker -> clients.call("ListAccessKeys",
            () -> clients.iam().listAccessKeys(r -> r.userName(user).marker(marker))),
        ListAccessKeysResponse::accessKeyMetadata, ListAccessKeysResponse::isTruncated, ListAccessKeysResponse::marker);
  }

  private AwsAccountClients clients(Resource key, CleanupContext context) {
    return IamCleanup.clients(session, IamCleanup.accountId(context.snapshot(), key, Optional.empty()));
  }

  /** The owner's UserName: the key's {@code user_name}, else its owner in the snapshot, else its name. */
  private static String userName(Resource key, CleanupContext context) {
    if (key instanceof AwsIamAccessKey k) {
      return k.userName();
    }
    return IamCleanup.owner(context.snapshot(), key).flatMap(Resource::name)
        .or(key::name)
        .orElseThrow(() -> CleanupActionException.permanent(
            "access key " + key.resourceId() + " has no user name and no owning user in the snapshot"));
  }

  private static AwsIamAccessKey fresh(Resource key, String user, AccessKeyMetadata listed, AccessKeyLastUsed used) {
    AwsIamAccessKey.Builder b;
    if (key instanceof AwsIamAccessKey k) {
      b = k.toBuilder();
    } else {
      b = AwsIamAccessKey.builder(key.id(), user).resourceId(key.resourceId()).tags(key.tags()).ctime(listed.createDate());
      key.name().ifPresent(b::name);
    }
    b.status(AccessKeyStatus.fromLabel(listed.statusAsString()).orElse(null));
    if (used == null) {
      b.unknownUse();
    } else if (used.lastUsedDate() == null) {
      b.neverUsed();
    } else {
      b.lastUse(new LastUse.Used(used.lastUsedDate(), known(used.serviceName()), known(used.region())));
      if (key instanceof AwsIamAccessKey k) {
        // Service and region now come from the use; extras must not repeat them.
        Map<String, Object> extras = new LinkedHashMap<>(k.lastUsedExtras());
        extras.remove(AwsIamAccessKey.SERVICE_NAME);
        extras.remove(AwsIamAccessKey.REGION);
        b.lastUsedExtras(extras);
      }
    }
    return b.build();
  }

  private static Optional<String> known(String value) {
    return value == null || value.isEmpty() || value.equals(NOT_AVAILABLE) ? Optional.empty() : Optional.of(value);
  }
}
