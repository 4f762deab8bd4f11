package dev.inventory.aws;

import dev.inventory.Resource;
import dev.inventory.aws.internal.AwsErrors;
import dev.inventory.aws.internal.IamCleanup;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.spi.Cleaner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.User;

/**
 * The {@link Cleaner} of IAM users ({@code aws_iam_user}), through an {@link AwsSession} that
 * reaches their accounts. Strategy {@code delete} only.
 *
 * <ul>
 *   <li>{@code refresh}: {@code GetUser}; a user that no longer exists, or whose name now belongs
 *       to a user with another UserId (deleted and created again), is gone.
 *   <li>{@code delete}: refuses while the user still has access keys (they are cleaned first, in an
 *       earlier pass, thanks to the {@code user -delete-> key} edges); otherwise removes what IAM
 *       requires before {@code DeleteUser}: the login profile, attached managed policies, inline
 *       policies, group memberships and MFA devices (deactivated). A {@code DeleteConflict} that
 *       remains (signing certificates, SSH keys, service-specific credentials) is a permanent
 *       failure with IAM's message, which names what is still attached.
 *   <li>Errors as in {@link IamAccessKeyCleaner}: {@code NoSuchEntity} means already gone, {@code
 *       AccessDenied} is not retryable, throttling that outlasts the retries is.
 * </ul>
 *
 * <pre>{@code
 * CleanupExecutor.builder()
 *     .cleaner(new IamAccessKeyCleaner(aws))
 *     .cleaner(new IamUserCleaner(aws))
 *     .build();
 * }</pre>
 */
public final class IamUserCleaner implements Cleaner {
  private final AwsSession session;

  /**
   * A cleaner that reaches each user's account through {@code session}'s clients.
   *
   * @param session the session whose clients reach the users' accounts
   */
  public IamUserCleaner(AwsSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_IAM_USER;
  }

  @Override
  public Optional<Resource> refresh(Resource user, CleanupContext context) {
    String name = userName(user);
    AwsAccountClients clients = clients(user, context);
    User now;
    try {
      now = clients.call("GetUser", () -> clients.iam().getUser(r -> r.userName(name))).user();
    } catch (SdkException e) {
      if (AwsErrors.isNoSuchEntity(e)) {
        return Optional.empty();
      }
      throw IamCleanup.failure("GetUser", "user " + name, e);
    }
    if (now.userId() != null && looksLikeUserId(user.resourceId()) && !now.userId().equals(user.resourceId())) {
      return Optional.empty();
    }
    AwsIamUser.Builder b = user instanceof AwsIamUser u
        ? u.toBuilder()
        : AwsIamUser.builder(user.id()).resourceId(user.resourceId()).name(name).tags(user.tags()).ctime(now.createDate());
    return Optional.of(b.arn(now.arn()).path(now.path()).atime(now.passwordLastUsed()).build());
  }

  @Override
  public void delete(Resource user, CleanupContext context) {
    String name = userName(user);
    String target = "user " + name;
    AwsAccountClients clients = clients(user, context);
    List<AccessKeyMetadata> keys = IamCleanup.translating("ListAccessKeys", target,
        () -> IamAccessKeyCleaner.listKeys(clients, name));
    if (!keys.isEmpty()) {
      throw CleanupActionException.permanent("user " + name + " still has access keys "
          + String.join(", ", keys.stream().map(AccessKeyMetadata::accessKeyId).toList())
          + ": its keys are cleaned first (delete edges)");
    }
    ignoreGone(() -> clients.call("DeleteLoginProfile", () -> clients.iam().deleteLoginProfile(r -> r.userName(name))),
        "DeleteLoginProfile", target);

    List<AttachedPolicy> attached = IamCleanup.translating("ListAttachedUserPolicies", target,
        () -> IamCleanup.allPages(
            m -> clients.call("ListAttachedUserPolicies",
                () -> clients.iam().listAttachedUserPolicies(r -> r.userName(name).marker(m))),
            ListAttachedUserPoliciesResponse::attachedPolicies, ListAttachedUserPoliciesResponse::isTruncated,
            ListAttachedUserPoliciesResponse::marker));
    for (AttachedPolicy p : attached) {
      ignoreGone(() -> clients.call("DetachUserPolicy",
          () -> clients.iam().detachUserPolicy(r -> r.userName(name).policyArn(p.policyArn()))),
          "DetachUserPolicy", "policy " + p.policyArn() + " of " + target);
    }

    List<String> inline = IamCleanup.translating("ListUserPolicies", target,
        () -> IamCleanup.allPages(
            m -> clients.call("ListUserPolicies", () -> clients.iam().listUserPolicies(r -> r.userName(name).marker(m))),
            ListUserPoliciesResponse::policyNames, ListUserPoliciesResponse::isTruncated, ListUserPoliciesResponse::marker));
    for (String policy : inline) {
      ignoreGone(() -> clients.call("DeleteUserPolicy",
          () -> clients.iam().deleteUserPolicy(r -> r.userName(name).policyName(policy))),
          "DeleteUserPolicy", "inline policy " + policy + " of " + target);
    }

    List<Group> groups = IamCleanup.translating("ListGroupsForUser", target,
        () -> IamCleanup.allPages(
            m -> clients.call("ListGroupsForUser", () -> clients.iam().listGroupsForUser(r -> r.userName(name).marker(m))),
            ListGroupsForUserResponse::groups, ListGroupsForUserResponse::isTruncated, ListGroupsForUserResponse::marker));
    for (Group g : groups) {
      ignoreGone(() -> clients.call("RemoveUserFromGroup",
          () -> clients.iam().removeUserFromGroup(r -> r.userName(name).groupName(g.groupName()))),
          "RemoveUserFromGroup", target + " in group " + g.groupName());
    }

    List<MFADevice> devices = IamCleanup.translating("ListMFADevices", target,
        () -> IamCleanup.allPages(
            m -> clients.call("ListMFADevices", () -> clients.iam().listMFADevices(r -> r.userName(name).marker(m))),
            ListMfaDevicesResponse::mfaDevices, ListMfaDevicesResponse::isTruncated, ListMfaDevicesResponse::marker));
    for (MFADevice d : devices) {
      ignoreGone(() -> clients.call("DeactivateMFADevice",
          () -> clients.iam().deactivateMFADevice(r -> r.userName(name).serialNumber(d.serialNumber()))),
          "DeactivateMFADevice", "MFA device " + d.serialNumber() + " of " + target);
    }

    try {
      clients.call("DeleteUser", () -> clients.iam().deleteUser(r -> r.userName(name)));
    } catch (SdkException e) {
      if ("DeleteConflict".equals(AwsErrors.code(e))) {
        throw CleanupActionException.permanent("IAM refuses to delete " + target + " while something is attached: "
            + AwsErrors.message(e) + " (DeleteConflict)", e);
      }
      throw IamCleanup.failure("DeleteUser", target, e);
    }
  }

  /** Runs a step of the detaching; {@code NoSuchEntity} means there is nothing to remove. */
  private static void ignoreGone(Supplier<?> step, String action, String target) {
    try {
      step.get();
    } catch (SdkException e) {
      if (!AwsErrors.isNoSuchEntity(e)) {
        throw IamCleanup.failure(action, target, e);
      }
    }
  }

  private AwsAccountClients clients(Resource user, CleanupContext context) {
    Optional<String> arn = user instanceof AwsIamUser u ? u.arn() : Optional.empty();
    return IamCleanup.clients(session, IamCleanup.accountId(context.snapshot(), user, arn));
  }

  private static String userName(Resource user) {
    return user.name().orElseThrow(() -> CleanupActionException.permanent(
        "user " + user.resourceId() + " has no name (UserName), which every IAM call about it needs"));
  }

  /** IAM UserIds start with AIDA; a node id of another form (an ARN, say) is not compared. */
  private static boolean looksLikeUserId(String id) {
    return id.startsWith("AIDA");
  }
}
