package dev.inventory.aws;

import dev.inventory.aws.internal.TokenBucket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The IAM and STS clients of one {@link AwsAccess}, with the account's client-side rate limit; the
 * SDK retries by the session's retry strategy. Made by an {@link AwsSession}; thread-safe.
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
  private final Attempts attempts;
  private final AtomicLong calls = new AtomicLong();
  private volatile String accountId;

  AwsAccountClients(AwsAccess access, IamClient iam, StsClient sts, List<SdkAutoCloseable> owned,
      TokenBucket rateLimit, Attempts attempts) {
    this.access = access;
    this.iam = iam;
    this.sts = sts;
    this.owned = List.copyOf(owned);
    this.rateLimit = rateLimit;
    this.attempts = attempts;
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
   * Runs one API call under the account's rate limit. Retries are the SDK's, by the session's retry
   * strategy (throttling, a 5xx or an I/O error are tried again with a backoff up to its maximum
   * number of attempts); this method adds none, so a call is tried at most that often in all.
   *
   * @param <T> the call's answer
   * @param action the API action, for messages
   * @param request the SDK call
   * @return the call's answer
   * @throws SdkException the call's last error
   * @throws CancellationException when the thread is interrupted while waiting (the interrupt flag is kept)
   */
  public <T> T call(String action, Supplier<T> request) {
    Objects.requireNonNull(request, "request");
    try {
      rateLimit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the rate limit before " + action);
    }
    calls.incrementAndGet();
    return request.get();
  }

  /**
   * Calls started through {@link #call}.
   *
   * @return the number of calls, each counted once whatever the SDK retried
   */
  public long callCount() {
    return calls.get();
  }

  /**
   * Attempts the SDK sent again after a failed one, over every call of these IAM and STS clients.
   *
   * @return the number of retries
   */
  public long retryCount() {
    return attempts.retries();
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

  /** Counts the SDK's calls and the attempts it sent, to tell how often it retried. */
  static final class Attempts implements ExecutionInterceptor {
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong transmissions = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      executions.incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      transmissions.incrementAndGet();
    }

    long retries() {
      return Math.max(0, transmissions.get() - executions.get());
    }
  }
}
