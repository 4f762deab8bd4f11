package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The credential report saves calls: a count, not a time. */
class IamCollectorCallCountTest {
  @Test
  void should_make_fewer_than_half_the_calls_with_the_report_for_200_users_with_two_keys() {
    long perKey = calls(LastUsedMode.PER_KEY);
    long report = calls(LastUsedMode.CREDENTIAL_REPORT);
    assertThat(report).isLessThan(perKey / 2);
  }

  /** All calls the fake received for one collect of 200 users x 2 keys, tags not read. */
  private static long calls(LastUsedMode mode) {
    try (FakeIam fake = FakeIam.builder().clock(IamCollectorTest.CLOCK).start()) {
      CallCountReport.seed(fake, "111111111111", 200);
      try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
        CollectResult r = IamCollector.builder(session).lastUsed(mode).userTags(false)
            .reportPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(20))
            .build().collect(CollectContext.of(IamCollectorTest.CLOCK));
        assertThat(r.errors()).isEmpty();
        assertThat(r.inventory().ofKind(AwsKinds.AWS_IAM_ACCESS_KEY)).hasSize(400 + 0);
      }
      return fake.callCounts().values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
