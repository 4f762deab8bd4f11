package dev.inventory.aws;

import dev.inventory.aws.internal.AwsErrors;
import dev.inventory.aws.internal.TokenBucket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The AWS accounts a collector and its cleaners work on: one {@link AwsAccountClients} (IAM and
 * STS clients over the JDK's URLConnection, with a client-side rate limit) per {@link AwsAccess}.
 * IAM is global, so its clients use {@code Region.AWS_GLOBAL}; STS uses {@code us-east-1} unless
 * set. Close the session to close every client.
 *
 * <pre>{@code
 * try (AwsSession aws = AwsSession.builder()
 *     .access(AwsAccess.profile("prod"))
 *     .access(AwsAccess.defaultCredentials().assumeRole("arn:aws:iam::222222222222:role/inventory", "ext-1"))
 *     .requestsPerSecond(10)                 // per account, the default
 *     .build()) {
 *   CollectResult result = IamCollector.builder(aws).build().collect(CollectContext.of(Clock.systemUTC()));
 * }
 * }</pre>
 *
 * <p>In tests, point every client at a loopback endpoint with {@link Builder#endpointOverride} and
 * give static credentials with {@link AwsAccess#credentials}; then nothing reaches AWS or the
 * instance-metadata address.
 */
public final class AwsSession implements AutoCloseable {
  /** Default client-side rate limit per account, in requests per second. */
  public static final double DEFAULT_REQUESTS_PER_SECOND = 10;
  /**
   * Default number of attempts of one call (the first and the retries) on throttling, a 5xx or an
   * I/O error: enough that throttling slows a collect down rather than failing it.
   */
  public static final int DEFAULT_MAX_ATTEMPTS = 10;
  /** Default first backoff between two attempts; it doubles each attempt, up to {@link #DEFAULT_BACKOFF_MAX}. */
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(500);
  /** Default longest backoff between two attempts. */
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(20);

  private final List<AwsAccountClients> accounts;

  private AwsSession(List<AwsAccountClients> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  /**
   * The SDK's standard retry strategy with {@code maxAttempts} attempts per call and an
   * exponential backoff with full jitter (each wait drawn uniformly between 0 and {@code base * 2^n},
   * capped at {@code max}) after errors and throttling alike. The circuit breaker that stops
   * retrying once many calls failed is off, so that throttling under load slows calls down instead
   * of failing them. The session has no retry loop of its own: a call is tried at most {@code
   * maxAttempts} times in all.
   *
   * @param maxAttempts attempts per call, 1 (no retry) or more
   * @param base the first backoff; zero retries at once
   * @param max the longest backoff, at least {@code base}
   * @return the strategy, for {@link Builder#retryStrategy}
   * @throws IllegalArgumentException when maxAttempts is below 1 or not {@code 0 <= base <= max}
   */
  public static RetryStrategy retryStrategy(int maxAttempts, Duration base, Duration max) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is 1 (no retry) or more, got " + maxAttempts);
    }
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("expected 0 <= base <= max, got base " + base + " and max " + max);
    }
    BackoffStrategy backoff = base.isZero() ? BackoffStrategy.retryImmediately() : BackoffStrategy.exponentialDelay(base, max);
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * A builder; at least one {@link Builder#access} is needed.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The clients of every access, in the order they were added.
   *
   * @return the clients per access, one entry per access
   */
  public List<AwsAccountClients> accounts() {
    return accounts;
  }

  /**
   * The clients that reach {@code accountId}: a role ARN in that account says so without a call;
   * otherwise each access's account is asked from STS (once).
   *
   * @param accountId the 12-digit account id
   * @return the clients that reach that account
   * @throws NoSuchElementException when no access of this session reaches the account
   * @throws SdkException when no access reached it and asking STS failed in a way that may pass
   *     (throttling, a 5xx, an I/O error): a later call may find it
   */
  public AwsAccountClients forAccount(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    for (AwsAccountClients a : accounts) {
      if (a.knownAccountId().map(accountId::equals).orElse(false)
          || a.access().roleAccountId().map(accountId::equals).orElse(false)) {
        return a;
      }
    }
    List<String> unreachable = new ArrayList<>();
    SdkException transientFailure = null;
    for (AwsAccountClients a : accounts) {
      try {
        if (a.accountId().equals(accountId)) {
          return a;
        }
      } catch (SdkException e) {
        unreachable.add(a.access().label() + " (" + AwsErrors.code(e) + ")");
        if (AwsErrors.isTransient(e)) {
          transientFailure = e;
        }
      }
    }
    if (transientFailure != null) {
      // Asking again later may find it: say so with the failure itself, not "no such account".
      throw transientFailure;
    }
    throw new NoSuchElementException("no access of this session reaches account " + accountId
        + (unreachable.isEmpty() ? "" : "; could not ask STS with " + String.join(", ", unreachable)));
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (AwsAccountClients a : accounts) {
      try {
        a.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "AwsSession" + accounts;
  }

  /** Builds an {@link AwsSession}. */
  public static final class Builder {
    private final List<AwsAccess> accesses = new ArrayList<>();
    private URI endpoint;
    private URI stsEndpoint;
    private Region iamRegion = Region.AWS_GLOBAL;
    private Region stsRegion = Region.US_EAST_1;
    private double requestsPerSecond = DEFAULT_REQUESTS_PER_SECOND;
    private RetryStrategy retryStrategy;

    private Builder() {}

    /**
     * Adds an account to reach (repeatable).
     *
     * @param access how to reach the account
     * @return this builder
     */
    public Builder access(AwsAccess access) {
      accesses.add(Objects.requireNonNull(access, "access"));
      return this;
    }

    /**
     * Adds accounts to reach.
     *
     * @param list how to reach each account
     * @return this builder
     */
    public Builder accesses(List<AwsAccess> list) {
      list.forEach(this::access);
      return this;
    }

    /**
     * Sends every IAM and STS call (and the STS calls that assume roles) to {@code endpoint}
     * instead of AWS: a compatible endpoint, or a loopback fake in tests.
     *
     * @param endpoint the IAM and STS endpoint
     * @return this builder
     */
    public Builder endpointOverride(URI endpoint) {
      this.endpoint = checkUri(endpoint);
      return this;
    }

    /**
     * Sends STS calls to {@code endpoint} (when it differs from the IAM endpoint).
     *
     * @param endpoint the STS endpoint
     * @return this builder
     */
    public Builder stsEndpointOverride(URI endpoint) {
      this.stsEndpoint = checkUri(endpoint);
      return this;
    }

    /**
     * The IAM client's region, {@code aws-global} by default ({@code aws-cn-global}, {@code
     * aws-us-gov-global} for other partitions).
     *
     * @param region the IAM client's region
     * @return this builder
     */
    public Builder iamRegion(Region region) {
      this.iamRegion = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * The STS client's region, {@code us-east-1} by default.
     *
     * @param region the STS client's region
     * @return this builder
     */
    public Builder stsRegion(Region region) {
      this.stsRegion = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Client-side rate limit per account ({@value #DEFAULT_REQUESTS_PER_SECOND} by default; 0 =
     * none).
     *
     * @param rate requests per second per account, 0 for no limit
     * @return this builder
     */
    public Builder requestsPerSecond(double rate) {
      if (Double.isNaN(rate) || rate < 0) {
        throw new IllegalArgumentException("requestsPerSecond is 0 (no limit) or positive, got " + rate);
      }
      this.requestsPerSecond = rate;
      return this;
    }

    /**
     * The SDK retry strategy of every client: by default {@link AwsSession#retryStrategy} with
     * {@value AwsSession#DEFAULT_MAX_ATTEMPTS} attempts, backing off from 500 ms up to 20 s. Any strategy of
     * the SDK fits, the adaptive one too ({@code AwsRetryStrategy.adaptiveRetryStrategy()}); the
     * session adds no retries of its own.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public Builder retryStrategy(RetryStrategy strategy) {
      this.retryStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Shorthand for {@code retryStrategy(AwsSession.retryStrategy(maxAttempts, base, max))}.
     *
     * @param maxAttempts attempts per call, 1 (no retry) or more
     * @param base the first backoff; zero retries at once
     * @param max the longest backoff
     * @return this builder
     * @throws IllegalArgumentException when maxAttempts is below 1 or not {@code 0 <= base <= max}
     */
    public Builder retries(int maxAttempts, Duration base, Duration max) {
      return retryStrategy(AwsSession.retryStrategy(maxAttempts, base, max));
    }

    /**
     * Creates the clients (no call is made yet).
     *
     * @return the session
     * @throws IllegalStateException when no access was added
     */
    public AwsSession build() {
      if (accesses.isEmpty()) {
        throw new IllegalStateException("an AwsSession needs at least one AwsAccess");
      }
      List<AwsAccountClients> out = new ArrayList<>();
      Map<AwsAccess, Boolean> seen = new LinkedHashMap<>();
      for (AwsAccess a : accesses) {
        if (seen.put(a, Boolean.TRUE) != null) {
          throw new IllegalArgumentException("the same access was added twice: " + a.label());
        }
        out.add(clients(a));
      }
      return new AwsSession(out);
    }

    private AwsAccountClients clients(AwsAccess access) {
      List<SdkAutoCloseable> owned = new ArrayList<>();
      AwsCredentialsProvider base = baseCredentials(access, owned);
      AwsCredentialsProvider credentials = base;
      if (access.roleArn().isPresent()) {
        StsClient baseSts = sts(base, null);
        owned.add(baseSts);
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
            .stsClient(baseSts)
            .refreshRequest(r -> {
              r.roleArn(access.roleArn().get()).roleSessionName(access.roleSessionName());
              access.externalId().ifPresent(r::externalId);
            })
            .asyncCredentialUpdateEnabled(false)
            .build();
        owned.add(0, assumed);
        credentials = assumed;
      }
      IamClientBuilder iam = IamClient.builder()
          .region(iamRegion)
          .credentialsProvider(credentials)
          .httpClientBuilder(UrlConnectionHttpClient.builder());
      if (endpoint != null) {
        iam.endpointOverride(endpoint);
      }
      AwsAccountClients.Attempts attempts = new AwsAccountClients.Attempts();
      iam.overrideConfiguration(o -> o.retryStrategy(retries()).addExecutionInterceptor(attempts));
      return new AwsAccountClients(access, iam.build(), sts(credentials, attempts), owned,
          TokenBucket.perSecond(requestsPerSecond), attempts);
    }

    private StsClient sts(AwsCredentialsProvider credentials, AwsAccountClients.Attempts attempts) {
      StsClientBuilder sts = StsClient.builder()
          .region(stsRegion)
          .credentialsProvider(credentials)
          .httpClientBuilder(UrlConnectionHttpClient.builder());
      URI ep = stsEndpoint != null ? stsEndpoint : endpoint;
      if (ep != null) {
        sts.endpointOverride(ep);
      }
      sts.overrideConfiguration(o -> {
        o.retryStrategy(retries());
        if (attempts != null) {
          o.addExecutionInterceptor(attempts);
        }
      });
      return sts.build();
    }

    private RetryStrategy retries() {
      return retryStrategy != null ? retryStrategy
          : AwsSession.retryStrategy(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX);
    }

    private static AwsCredentialsProvider baseCredentials(AwsAccess access, List<SdkAutoCloseable> owned) {
      if (access.provider() != null) {
        return access.provider();
      }
      Optional<String> profile = access.profileName();
      if (profile.isPresent()) {
        ProfileCredentialsProvider p = ProfileCredentialsProvider.builder().profileName(profile.get()).build();
        owned.add(p);
        return p;
      }
      DefaultCredentialsProvider d = DefaultCredentialsProvider.builder().build();
      owned.add(d);
      return d;
    }

    private static URI checkUri(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
          || endpoint.getHost() == null) {
        throw new IllegalArgumentException("expected an http or https URL such as http://127.0.0.1:4566, got '" + endpoint + "'");
      }
      return endpoint;
    }
  }
}
