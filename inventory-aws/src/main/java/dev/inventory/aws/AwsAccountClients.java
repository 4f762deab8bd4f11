package dev.inventory.aws;

import dev.inventory.aws.internal.AwsErrors;
import dev.inventory.aws.internal.TokenBucket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The IAM and STS clients of one {@link AwsAccess}, with the account's client-side rate limit and
 * the retries on top of the SDK's own. Made by an {@link AwsSession}; thread-safe.
 *
 * <pre>{@code
 * AwsAccountClients prod = session.forAccount("111111111111");
 * ListAccessKeysResponse keys = prod.call("ListAccessKeys",
 *     () -> prod.iam().listAccessKeys(r -> r.userName("alice")));
 * }</pre>
 */
public final class AwsAccountClients implements AutoCloseable {
  private final AwsAccess access;
  private final IamClient iam;
  private final StsClient sts;
  private final List<SdkAutoCloseable> owned;
  private final TokenBucket rateLimit;
  private final int transientRetries;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private volatile String accountId;

  AwsAccountClients(AwsAccess access, IamClient iam, StsClient sts, List<SdkAutoCloseable> owned,
      TokenBucket rateLimit, int transientRetries, Duration backoffBase, Duration backoffMax) {
    this.access = access;
    this.iam = iam;
    this.sts = sts;
    this.owned = List.copyOf(owned);
    this.rateLimit = rateLimit;
    this.transientRetries = transientRetries;
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
  }

  /**
   * How these clients reach their account.
   *
   * @return the access these clients were built from
   */
  public AwsAccess access() {
    return access;
  }

  /**
   * The IAM client ({@code Region.AWS_GLOBAL} unless the session says otherwise). Prefer {@link
   * #call}.
   *
   * @return the account's IAM client
   */
  public IamClient iam() {
    return iam;
  }

  /**
   * The STS client. Prefer {@link #call}.
   *
   * @return the account's STS client
   */
  public StsClient sts() {
    return sts;
  }

  /**
   * The account these credentials reach, from STS {@code GetCallerIdentity} (asked once, then
   * remembered).
   *
   * @return the 12-digit account id
   * @throws SdkException when STS cannot be asked (no credentials, role not assumable, denied)
   */
  public String accountId() {
    String id = accountId;
    if (id == null) {
      synchronized (this) {
        if (accountId == null) {
          GetCallerIdentityResponse who = call("GetCallerIdentity", sts::getCallerIdentity);
          accountId = who.account();
        }
        id = accountId;
      }
    }
    return id;
  }

  /**
   * The account id when it is already known, without calling STS.
   *
   * @return the account id, or empty when STS was not asked yet and no role ARN names it
   */
  public Optional<String> knownAccountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * Runs one API call under the account's rate limit. The SDK retries first (its standard
   * strategy); when it gives up on throttling, a 5xx or an I/O error, the call is tried again after
   * an exponential backoff with full jitter, up to the session's {@code transientRetries} times, so
   * that throttling slows work down rather than failing it. Other errors are thrown at once.
   *
   * @param <T> the response type
   * @param action the API action, for logs and messages
   * @param request makes the SDK call
   * @return the call's response
   * @throws SdkException the call's last error
   * @throws CancellationException when the thread is interrupted while waiting (the interrupt flag is kept)
   */
  public <T> T call(String action, Supplier<T> request) {
    Objects.requireNonNull(request, "request");
    for (int attempt = 0; ; attempt++) {
      try {
        rateLimit.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for the rate limit before " + action);
      }
      calls.incrementAndGet();
      try {
        return request.get();
      } catch (SdkException e) {
        if (attempt >= transientRetries || !AwsErrors.isTransient(e)) {
          throw e;
        }
        retries.incrementAndGet();
        sleep(backoff(attempt), action);
      }
    }
  }

  private long backoff(int attempt) {
    long max = Math.min(backoffMax.toNanos(), backoffBase.toNanos() << Math.min(attempt, 20));
    return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max / 2, max + 1);
  }

  private static void sleep(long nanos, String action) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while backing off before retrying " + action);
    }
  }

  /**
   * Calls started through {@link #call} (each SDK call counts once, whatever the SDK retried).
   *
   * @return the number of calls started so far
   */
  public long callCount() {
    return calls.get();
  }

  /**
   * Calls tried again by {@link #call} after the SDK had given up.
   *
   * @return the number of calls retried after the SDK gave up
   */
  public long retryCount() {
    return retries.get();
  }

  /**
   * The account's client-side rate limit in requests per second (0 = none).
   *
   * @return the rate limit in requests per second, 0 for none
   */
  public double requestsPerSecond() {
    return rateLimit.limits() ? rateLimit.permitsPerSecond() : 0;
  }

  @Override
  public void close() {
    iam.close();
    sts.close();
    for (SdkAutoCloseable c : owned) {
      c.close();
    }
  }

  @Override
  public String toString() {
    return "AwsAccountClients[" + access.label() + (accountId == null ? "" : ", account " + accountId) + "]";
  }
}
