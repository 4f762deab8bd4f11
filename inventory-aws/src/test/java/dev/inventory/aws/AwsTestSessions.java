package dev.inventory.aws;

import dev.inventory.aws.fake.FakeIam;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** Sessions against a {@link FakeIam}: loopback endpoint, static credentials, no rate limit, retries without waiting. */
public final class AwsTestSessions {
  private AwsTestSessions() {}

  /** One access per account id, with that account's caller credentials. */
  public static AwsSession fast(FakeIam fake, String... accountIds) {
    return builder(fake, accountIds).build();
  }

  /** The builder behind {@link #fast}, for tests that add accesses or change a setting. */
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
