package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.aws.internal.IamCleanup;
import dev.inventory.cleanup.CleanupActionException;
import java.time.Duration;
import java.util.NoSuchElementException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AwsSession and AwsAccess against the fake's STS: assumed roles with an external id, forAccount. */
class AwsSessionTest {
  private static final String ROLE = "arn:aws:iam::222222222222:role/inventory";

  private FakeIam fake;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(IamCollectorTest.CLOCK).start();
    fake.account("111111111111");
    fake.account("222222222222").requireExternalId("ext-1");
    fake.account("222222222222").user("in-222");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private AwsAccess base() {
    return AwsAccess.credentials(fake.account("111111111111").credentials());
  }

  @Test
  void should_assume_a_role_with_its_external_id_and_collect_that_account() {
    // GIVEN a session that assumes a role in 222222222222 with the right external id
    try (AwsSession session = AwsTestSessions.builder(fake).access(base().assumeRole(ROLE, "ext-1")).build()) {
      // WHEN the account is asked and collected
      String id = session.accounts().get(0).accountId();
      CollectResult result = IamCollector.builder(session).rootUser(false).build()
          .collect(CollectContext.of(IamCollectorTest.CLOCK));
      // THEN the calls ran as the role's account
      assertThat(id).isEqualTo("222222222222");
      assertThat(result.errors()).isEmpty();
      assertThat(result.inventory().ofType(AwsIamUser.class)).extracting(u -> u.name().orElseThrow()).containsExactly("in-222");
    }
    assertThat(fake.calls("AssumeRole")).isNotEmpty()
        .allSatisfy(c -> assertThat(c.params()).containsEntry("ExternalId", "ext-1").containsEntry("RoleArn", ROLE));
  }

  @Test
  void should_fail_only_that_account_when_the_external_id_is_wrong() {
    // GIVEN one good access and one with a wrong external id
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .access(base().assumeRole(ROLE, "wrong")).build()) {
      // WHEN collected
      CollectResult result = IamCollector.builder(session).rootUser(false).build()
          .collect(CollectContext.of(IamCollectorTest.CLOCK));
      // THEN the first account is there, the second is an error naming the role
      assertThat(result.inventory().contains("111111111111")).isTrue();
      assertThat(result.inventory().contains("222222222222")).isFalse();
      assertThat(result.errors()).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("aws:credentials provider -> role " + ROLE);
        assertThat(e.message()).contains("GetCallerIdentity failed");
      });
    }
  }

  @Test
  void should_find_the_clients_of_an_account() {
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .access(base().assumeRole(ROLE, "ext-1")).build()) {
      // WHEN accounts are looked up
      AwsAccountClients viaRole = session.forAccount("222222222222");
      AwsAccountClients direct = session.forAccount("111111111111");
      // THEN the role is found from its ARN without STS, the other one by asking STS
      assertThat(viaRole.access().roleArn()).hasValue(ROLE);
      assertThat(direct.accountId()).isEqualTo("111111111111");
      assertThat(fake.calls("AssumeRole")).isEmpty();
      assertThatThrownBy(() -> session.forAccount("333333333333"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("no access of this session reaches account 333333333333");
    }
  }

  @Test
  void should_say_a_lookup_may_pass_later_when_sts_was_throttled() {
    // GIVEN STS throttling every call of the only access
    fake.fail("GetCallerIdentity", "111111111111", 400, "Throttling");
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .transientRetries(2, Duration.ZERO, Duration.ZERO).build()) {
      // WHEN / THEN the throttling itself, not "no such account", so that a cleaner retries later
      assertThatThrownBy(() -> session.forAccount("333333333333"))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.isThrottlingException()).isTrue());
      // one call, tried again twice after the SDK gave up, with no client-side limit
      AwsAccountClients clients = session.accounts().get(0);
      assertThat(clients.callCount()).isEqualTo(3);
      assertThat(clients.retryCount()).isEqualTo(2);
      assertThat(clients.requestsPerSecond()).isZero();
    }
  }

  @Test
  void should_make_a_cleaner_failure_retryable_when_sts_was_throttled() {
    fake.fail("GetCallerIdentity", "111111111111", 400, "Throttling");
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .transientRetries(0, Duration.ZERO, Duration.ZERO).build()) {
      assertThatThrownBy(() -> IamCleanup.clients(session, "111111111111"))
          .isInstanceOfSatisfying(CleanupActionException.class, e -> assertThat(e.retryable()).isTrue());
    }
  }
}
