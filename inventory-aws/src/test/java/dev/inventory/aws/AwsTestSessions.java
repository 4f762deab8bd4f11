package dev.inventory.aws;

import dev.inventory.aws.fake.FakeIam;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** Sessions for tests against the loopback fake: static credentials, no rate limit, fast retries. */
public final class AwsTestSessions {
  private AwsTestSessions() {}

  /**
   * A session reaching each of {@code accountIds} in {@code fake} with that account's credentials;
   * the SDK tries 4 times without waiting, then the session up to 20 more times with millisecond
   * backoffs.
   */
  public static AwsSession fast(FakeIam fake, String... accountIds) {
    return builder(fake, accountIds).build();
  }

  /** The builder behind {@link #fast}, for tests that add accesses (assumed roles, say) or change a setting. */
  public static AwsSession.Builder builder(FakeIam fake, String... accountIds) {
    AwsSession.Builder b = AwsSession.builder()
        .endpointOverride(fake.endpoint())
        .requestsPerSecond(0)
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(4)
            .backoffStrategy(BackoffStrategy.retryImmediately())
            .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build())
        .transientRetries(20, Duration.ZERO, Duration.ofMillis(5));
    for (String id : accountIds) {
      b.access(AwsAccess.credentials(fake.account(id).credentials()));
    }
    return b;
  }
}
