package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The user cleaner with the key cleaner under a real executor, against the loopback IAM fake. */
class IamUserCleanerTest {
  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String PROD = "111111111111";

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account(PROD, "prod", a -> a
          .user("alice", u -> u.passwordEnabled(true).mfaActive(true)
              .accessKey("AKIAALICE00000000001", k -> k.lastUsed(daysAgo(200)))
              .accessKey("AKIAALICE00000000002", k -> k.neverUsed()))
          .user("bob", u -> u.accessKey("AKIABOB0000000000001", k -> k.lastUsed(daysAgo(1))))
          .user("carol"))
      .build();
  private final FakeIam fake = FakeIam.builder().clock(CLOCK).start().seed(inventory);
  private final AwsSession session = AwsTestSessions.fast(fake, PROD);
  private final IamUserCleaner users = new IamUserCleaner(session);
  private final StateStore state = StateStore.inMemory();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  private Resource user(String name) {
    return inventory.ofType(AwsIamUser.class).stream().filter(u -> u.name().orElseThrow().equals(name)).findFirst()
        .orElseThrow();
  }

  private void mark(String... ids) {
    for (String id : ids) {
      state.update(id, s -> s.withClean(Mark.of("leaver", NOW)));
    }
  }

  private CleanupReport run(boolean dryRun) {
    return CleanupExecutor.builder().withoutDiscovery()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(16).build())
        .clock(CLOCK)
        .cleaner(new IamAccessKeyCleaner(session))
        .cleaner(users)
        .build()
        .run(inventory, state);
  }

  private List<FakeCall> callsFor(String userName) {
    return fake.calls().stream().filter(c -> userName.equals(c.params().get("UserName"))).toList();
  }

  @Test
  void should_delete_the_keys_in_the_first_pass_and_the_user_with_what_is_attached_in_the_second() {
    // GIVEN alice has a password, an MFA device, a group, a managed and an inline policy, and two keys
    fake.account(PROD).findUser("alice").orElseThrow()
        .addToGroup("developers").attachPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess").putInlinePolicy("s3-logs");
    mark(user("alice").id(), "AKIAALICE00000000001", "AKIAALICE00000000002", user("carol").id());
    // WHEN
    CleanupReport report = run(false);
    // THEN
    assertThat(report.node("AKIAALICE00000000001").map(NodeResult::pass)).contains(1);
    assertThat(report.node("AKIAALICE00000000002").map(NodeResult::pass)).contains(1);
    assertThat(report.node(user("alice").id()).map(NodeResult::pass)).contains(2);
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(4);
    assertThat(fake.account(PROD).findUser("alice")).isEmpty();
    assertThat(fake.account(PROD).findUser("carol")).isEmpty();
    assertThat(fake.account(PROD).findUser("bob")).isPresent();
    List<String> aliceActions = callsFor("alice").stream().filter(c -> c.status() == 200).map(FakeCall::action)
        .filter(a -> !a.startsWith("List") && !a.startsWith("Get")).toList();
    assertThat(aliceActions).containsExactly("DeleteAccessKey", "DeleteAccessKey", "DeleteLoginProfile",
        "DetachUserPolicy", "DeleteUserPolicy", "RemoveUserFromGroup", "DeactivateMFADevice", "DeleteUser");
    assertThat(fake.calls("DetachUserPolicy")).singleElement()
        .satisfies(c -> assertThat(c.params()).containsEntry("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertThat(fake.calls("DeleteUserPolicy")).singleElement()
        .satisfies(c -> assertThat(c.params()).containsEntry("PolicyName", "s3-logs"));
    assertThat(fake.calls("RemoveUserFromGroup")).singleElement()
        .satisfies(c -> assertThat(c.params()).containsEntry("GroupName", "developers"));
    assertThat(fake.calls("DeactivateMFADevice")).singleElement()
        .satisfies(c -> assertThat(c.params()).containsEntry("SerialNumber", "arn:aws:iam::" + PROD + ":mfa/alice"));
    // carol has no password: IAM's NoSuchEntity for her login profile is fine
    assertThat(callsFor("carol")).filteredOn(c -> c.action().equals("DeleteLoginProfile"))
        .extracting(FakeCall::errorCode).containsExactly("NoSuchEntity");
  }

  @Test
  void should_refuse_a_user_who_still_has_a_key_that_is_not_marked() {
    // GIVEN
    mark(user("bob").id());
    // WHEN
    CleanupReport report = run(false);
    // THEN the executor skips bob before any call, naming the key he still owns
    NodeResult bob = report.node(user("bob").id()).orElseThrow();
    assertThat(bob.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(bob.reason()).isEqualTo("1 resource that must be gone first is still there: AKIABOB0000000000001");
    assertThat(fake.callCount("GetUser")).isZero();
    assertThat(fake.callCount("DeleteUser")).isZero();
    assertThat(fake.callCount("DeleteLoginProfile")).isZero();
    assertThat(fake.account(PROD).findUser("bob")).isPresent();
    assertThat(state.get(user("bob").id()).isMarkedForCleanup()).isTrue();
  }

  @Test
  void should_make_no_mutating_call_in_a_dry_run() {
    // GIVEN
    mark(user("alice").id(), "AKIAALICE00000000001", "AKIAALICE00000000002", user("carol").id());
    // WHEN
    CleanupReport report = run(true);
    // THEN
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(4);
    assertThat(fake.calls()).extracting(FakeCall::action)
        .allMatch(a -> a.startsWith("List") || a.startsWith("Get"));
  }

  @Test
  void should_name_what_is_attached_when_iam_reports_a_delete_conflict() {
    // GIVEN
    mark(user("carol").id());
    fake.fail("DeleteUser", PROD, 409, "DeleteConflict");
    // WHEN
    NodeResult carol = run(false).node(user("carol").id()).orElseThrow();
    // THEN
    assertThat(carol.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(carol.retryable()).isFalse();
    assertThat(carol.error().orElseThrow()).startsWith("IAM refuses to delete user carol while something is attached: ")
        .endsWith("(DeleteConflict)");
  }

  @Test
  void should_see_a_user_deleted_or_recreated_since_the_snapshot_as_gone() {
    // GIVEN carol was deleted and bob deleted and created again under the same name
    CleanupContext context = new CleanupContext(inventory, NodeState.EMPTY, NOW, true);
    fake.account(PROD).removeUser("carol");
    fake.account(PROD).removeUser("bob");
    fake.account(PROD).addUser("bob", "/", "AIDANEWBOB0000000001", NOW);
    // WHEN / THEN
    assertThat(users.refresh(user("carol"), context)).isEmpty();
    assertThat(users.refresh(user("bob"), context)).isEmpty();
    AwsIamUser alice = (AwsIamUser) users.refresh(user("alice"), context).orElseThrow();
    assertThat(alice.id()).isEqualTo(user("alice").id());
    assertThat(alice.arn()).contains("arn:aws:iam::" + PROD + ":user/alice");
  }
}
