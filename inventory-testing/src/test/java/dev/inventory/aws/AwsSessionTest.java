package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.Inventory;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.state.NodeState;
import java.util.List;
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
    // GIVEN STS throttling every call of the only access, and an SDK that tries 3 times
    fake.fail("GetCallerIdentity", "111111111111", 400, "Throttling");
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .retries(3, Duration.ZERO, Duration.ZERO).build()) {
      // WHEN / THEN the throttling itself, not "no such account", so that a cleaner retries later
      assertThatThrownBy(() -> session.forAccount("333333333333"))
          .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.isThrottlingException()).isTrue());
      // one call, which the SDK tried 3 times in all (no second retry loop), with no client-side limit
      AwsAccountClients clients = session.accounts().get(0);
      assertThat(clients.callCount()).isEqualTo(1);
      assertThat(clients.retryCount()).isEqualTo(2);
      assertThat(fake.calls("GetCallerIdentity")).extracting(FakeCall::attempt).containsExactly(1, 2, 3);
      assertThat(clients.requestsPerSecond()).isZero();
    }
  }

  @Test
  void should_make_a_cleaner_failure_retryable_when_sts_was_throttled() {
    // GIVEN a key to delete in an account whose STS lookups are all throttled
    fake.fail("GetCallerIdentity", "111111111111", 400, "Throttling");
    Inventory inventory = Fixtures.aws(IamCollectorTest.CLOCK).account("111111111111", a -> a
        .user("in-111", u -> u.accessKey("AKIAFAKE111000000001", k -> k.lastUsed(Fixtures.daysAgo(400))))).build();
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111").retries(1, Duration.ZERO, Duration.ZERO).build()) {
      IamAccessKeyCleaner cleaner = new IamAccessKeyCleaner(session);
      CleanupContext context = new CleanupContext(inventory, NodeState.EMPTY, IamCollectorTest.NOW, true);
      // WHEN / THEN the cleaner cannot find the account's clients yet, and says a later run may
      assertThatThrownBy(() -> cleaner.refresh(inventory.node("AKIAFAKE111000000001").orElseThrow(), context))
          .isInstanceOfSatisfying(CleanupActionException.class, e -> assertThat(e.retryable()).isTrue());
    }
  }

  @Test
  void should_try_a_throttled_call_exactly_as_often_as_the_retry_strategy_says() {
    // GIVEN every ListUsers throttled, and an SDK allowed 5 attempts per call
    fake.fail("ListUsers", "*", 400, "Throttling");
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111").retries(5, Duration.ZERO, Duration.ZERO).build()) {
      // WHEN collected
      CollectResult result = IamCollector.builder(session).rootUser(false).build().collect(CollectContext.of(IamCollectorTest.CLOCK));
      // THEN the account fails with the throttling after 5 attempts in all: no retries on top of the SDK's
      assertThat(result.errors()).isNotEmpty();
      assertThat(fake.calls("ListUsers")).extracting(FakeCall::attempt).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @Test
  void should_never_multiply_attempts_under_throttling() {
    // GIVEN a collect under 30% throttling with an SDK allowed 5 attempts per call
    fake.account("111111111111").user("u1").addKey("AKIAFAKE111000000002", IamCollectorTest.NOW.minusSeconds(86_400));
    fake.account("111111111111").user("u2").addKey("AKIAFAKE111000000003", IamCollectorTest.NOW.minusSeconds(86_400));
    fake.throttleFraction(0.3);
    long calls;
    long retries;
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111").retries(5, Duration.ZERO, Duration.ZERO).build()) {
      IamCollector.builder(session).lastUsed(LastUsedMode.PER_KEY).build().collect(CollectContext.of(IamCollectorTest.CLOCK));
      calls = session.accounts().get(0).callCount();
      retries = session.accounts().get(0).retryCount();
    }
    // THEN each call the collector made arrived once as attempt 1, none beyond attempt 5, and every
    // request the fake received is one of those calls or one of the SDK's retries
    List<FakeCall> received = fake.calls();
    assertThat(received).filteredOn(c -> "Throttling".equals(c.errorCode())).isNotEmpty();
    assertThat(received).allSatisfy(c -> assertThat(c.attempt()).isBetween(1, 5));
    assertThat(received).filteredOn(c -> c.attempt() == 1).hasSize((int) calls);
    assertThat(received).hasSize((int) (calls + retries));
  }
}
