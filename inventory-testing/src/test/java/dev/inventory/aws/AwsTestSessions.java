package dev.inventory.aws;

import dev.inventory.aws.fake.FakeIam;
import java.time.Duration;

/** Sessions for tests against the loopback fake: static credentials, no rate limit, fast retries. */
public final class AwsTestSessions {
  /** Attempts per call: enough that 30% throttling almost never fails a call (0.3^30). */
  public static final int MAX_ATTEMPTS = 30;

  private AwsTestSessions() {}

  /**
   * A session reaching each of {@code accountIds} in {@code fake} with that account's credentials;
   * the SDK tries {@value #MAX_ATTEMPTS} times without waiting.
   */
  public static AwsSession fast(FakeIam fake, String... accountIds) {
    return builder(fake, accountIds).build();
  }

  /** The builder behind {@link #fast}, for tests that add accesses (assumed roles, say) or change a setting. */
  public static AwsSession.Builder builder(FakeIam fake, String... accountIds) {
    AwsSession.Builder b = AwsSession.builder()
        .endpointOverride(fake.endpoint())
        .requestsPerSecond(0)
        .retries(MAX_ATTEMPTS, Duration.ZERO, Duration.ZERO);
    for (String id : accountIds) {
      b.access(AwsAccess.credentials(fake.account(id).credentials()));
    }
    return b;
  }
}
