package dev.inventory.aws.internal;

import dev.inventory.BaseKinds;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.AwsAccountClients;
import dev.inventory.aws.AwsKinds;
import dev.inventory.aws.AwsSession;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.ResourceGoneException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What the IAM cleaners share: the account of a node, its clients, calls whose SDK errors become
 * the cleanup SPI's exceptions, and listing every page of a paginated IAM call.
 */
public final class IamCleanup {
  private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:aws[\\w-]*:iam::(\\d{12}):");
  private static final Pattern ROOT_KEY_ID = Pattern.compile("^(\\d{12}):root:access_key_\\d+$");

  private IamCleanup() {}

  /**
   * The id of the node's account: the resource id of the nearest {@code aws_account} ancestor over
   * {@code default} edges, else the account in the node's ARN or synthetic root key id.
   *
   * @throws CleanupActionException (permanent) when neither says
   */
  public static String accountId(Inventory snapshot, Resource node, Optional<String> arn) {
    int start = snapshot.indexOf(node.id());
    if (start >= 0) {
      BitSet seen = new BitSet(snapshot.size());
      Deque<Integer> queue = new ArrayDeque<>();
      queue.add(start);
      seen.set(start);
      while (!queue.isEmpty()) {
        int i = queue.poll();
        Resource r = snapshot.node(i);
        if (isKind(snapshot, r, AwsKinds.AWS_ACCOUNT)) {
          return r.resourceId(); // the account id, also where the graph id is a hash
        }
        snapshot.forEachPredecessor(i, EdgeType.DEFAULT, p -> {
          if (!seen.get(p)) {
            seen.set(p);
            queue.add(p);
          }
        });
      }
    }
    Matcher m = ROOT_KEY_ID.matcher(node.resourceId());
    if (m.matches()) {
      return m.group(1);
    }
    if (arn.isPresent()) {
      m = ARN_ACCOUNT.matcher(arn.get());
      if (m.find()) {
        return m.group(1);
      }
    }
    throw CleanupActionException.permanent(node.kind() + " " + node.resourceId() + " has no " + AwsKinds.AWS_ACCOUNT
        + " ancestor over default edges in the snapshot, so its account is not known");
  }

  /** Whether {@code r} is of {@code kind} or one of its subkinds in the snapshot's registry. */
  public static boolean isKind(Inventory snapshot, Resource r, String kind) {
    return r.kind().equals(kind) || snapshot.kinds().isSubkind(r.kind(), kind);
  }

  /** Whether the node is owned (over a {@code default} edge) by an account's root user, or has a synthetic root key id. */
  public static boolean isRootKey(Inventory snapshot, Resource key) {
    if (ROOT_KEY_ID.matcher(key.resourceId()).matches()) {
      return true;
    }
    if (!snapshot.contains(key.id())) {
      return false;
    }
    for (Resource owner : snapshot.predecessors(key.id(), EdgeType.DEFAULT)) {
      if (isKind(snapshot, owner, AwsKinds.AWS_ROOT_USER)) {
        return true;
      }
    }
    return false;
  }

  /** The owner of a key over a {@code default} edge that is a user, if the snapshot has one. */
  public static Optional<Resource> owner(Inventory snapshot, Resource key) {
    if (!snapshot.contains(key.id())) {
      return Optional.empty();
    }
    return snapshot.predecessors(key.id(), EdgeType.DEFAULT).stream()
        .filter(p -> isKind(snapshot, p, BaseKinds.USER))
        .findFirst();
  }

  /**
   * The session's clients for the account.
   *
   * @throws CleanupActionException permanent when no access of the session reaches it, retryable when
   *     asking STS failed in a way that may pass (throttling, 5xx)
   */
  public static AwsAccountClients clients(AwsSession session, String accountId) {
    try {
      return session.forAccount(accountId);
    } catch (NoSuchElementException e) {
      throw CleanupActionException.permanent(e.getMessage(), e);
    } catch (SdkException e) {
      throw failure("GetCallerIdentity", "account " + accountId, e);
    }
  }

  /**
   * Runs one call through {@link AwsAccountClients#call}; an SDK error becomes the SPI's exception
   * ({@link #failure}).
   */
  public static <T> T call(AwsAccountClients clients, String action, String target, Supplier<T> request) {
    try {
      return clients.call(action, request);
    } catch (SdkException e) {
      throw failure(action, target, e);
    }
  }

  /**
   * Runs calls already made through {@link AwsAccountClients#call} (every page of a list, say);
   * an SDK error becomes the SPI's exception ({@link #failure}).
   */
  public static <T> T translating(String action, String target, Supplier<T> calls) {
    try {
      return calls.get();
    } catch (SdkException e) {
      throw failure(action, target, e);
    }
  }

  /**
   * The SPI's exception for an SDK error of {@code action} on {@code target}: {@code NoSuchEntity}
   * is a {@link ResourceGoneException}; {@code AccessDenied} a permanent failure with the AWS code
   * and message; throttling, a 5xx or an I/O error that outlasted the retries a retryable one; any
   * other error a permanent one with its code.
   */
  public static CleanupActionException failure(String action, String target, SdkException e) {
    String code = AwsErrors.code(e);
    String detail = code + ": " + AwsErrors.message(e);
    if (AwsErrors.isNoSuchEntity(e)) {
      return new ResourceGoneException(action + " says " + target + " no longer exists (" + detail + ")", e);
    }
    if (AwsErrors.isAccessDenied(e)) {
      return CleanupActionException.permanent(action + " on " + target + " was denied: " + detail, e);
    }
    if (AwsErrors.isTransient(e)) {
      return CleanupActionException.retryable(action + " on " + target + " still failed after retries: " + detail, e);
    }
    return CleanupActionException.permanent(action + " on " + target + " failed: " + detail, e);
  }

  /**
   * Every item of a paginated IAM list call, following {@code Marker} while {@code IsTruncated}
   * (IAM may return short pages with more to come).
   *
   * @param page one call for a marker ({@code null} for the first page)
   */
  public static <R, T> List<T> allPages(Function<String, R> page, Function<R, List<T>> items,
      Function<R, Boolean> truncated, Function<R, String> nextMarker) {
    List<T> all = new ArrayList<>();
    String marker = null;
    do {
      R response = page.apply(marker);
      all.addAll(items.apply(response));
      marker = Boolean.TRUE.equals(truncated.apply(response)) ? nextMarker.apply(response) : null;
    } while (marker != null);
    return all;
  }
}
