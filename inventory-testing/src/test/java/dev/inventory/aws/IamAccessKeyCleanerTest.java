package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKeyStatus;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.aws.fake.FakeKey;
import dev.inventory.cleanup.CleanupActionException;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupContext;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.CleanupStrategy;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.spi.Cleaner;
import dev.inventory.state.Mark;
import dev.inventory.state.NodeState;
import dev.inventory.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access key cleaner under a real {@link CleanupExecutor}, against the loopback IAM fake seeded
 * from a fixture: stale keys are marked, then cleaned or not, and the fake's call log says what
 * reached "AWS".
 */
class IamAccessKeyCleanerTest {
  static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String PROD = "111111111111";
  static final String DEV = "222222222222";

  private final Inventory inventory = Fixtures.aws(CLOCK)
      .account(PROD, "prod", a -> {
        a.user("alice", u -> u
            .accessKey("AKIAALICE00000000001", k -> k.lastUsed(daysAgo(120), "s3", "eu-west-1"))
            .accessKey("AKIAALICE00000000002", k -> k.lastUsed(daysAgo(3))));
        a.user("bob", u -> u.accessKey("AKIABOB0000000000001", k -> k.neverUsed().created(daysAgo(200))));
        a.rootUser(r -> r.accessKey("AKIAROOT000000000001", k -> k.lastUsed(daysAgo(400))));
        for (int i = 0; i < 20; i++) {
          a.user("svc-" + i, u -> u.accessKey(k -> k.lastUsed(daysAgo(95))).accessKey(k -> k.neverUsed().inactive()));
        }
      })
      .account(DEV, "dev", a -> {
        a.user("dave", u -> u.accessKey("AKIADAVE000000000001", k -> k.lastUsed(daysAgo(100))));
        a.user("erin", u -> u.accessKey("AKIAERIN000000000001", k -> k.lastUsed(daysAgo(10))));
        for (int i = 0; i < 10; i++) {
          a.user("bot-" + i, u -> u.accessKey(k -> k.lastUsed(daysAgo(180))));
        }
      })
      .build();
  private final FakeIam fake = FakeIam.builder().clock(CLOCK).seed(42L).start().seed(inventory);
  private final AwsSession session = AwsTestSessions.fast(fake, PROD, DEV);
  private final IamAccessKeyCleaner cleaner = new IamAccessKeyCleaner(session);
  private final StateStore state = StateStore.inMemory();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  /** Marks the keys of IAM users unused for 90 days (not the root user's), as a policy would. */
  private List<AwsIamAccessKey> markStaleKeys() {
    List<AwsIamAccessKey> stale = inventory.ofType(AwsIamAccessKey.class).stream()
        .filter(k -> !k.userName().equals(AwsRootUser.NAME))
        .filter(k -> k.lastUse() instanceof LastUse.Never
            || k.lastUse().at().map(t -> t.isBefore(NOW.minus(Duration.ofDays(90)))).orElse(false))
        .toList();
    stale.forEach(k -> state.update(k.id(), s -> s.withClean(Mark.of("unused for 90 days", NOW))));
    return stale;
  }

  private CleanupExecutor executor(boolean dryRun, Clock clock, Optional<CleanupStrategy> strategy, Cleaner... cleaners) {
    CleanupExecutor.Builder b = CleanupExecutor.builder().withoutDiscovery()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(16).build())
        .clock(clock)
        .cleaners(List.of(cleaners));
    strategy.ifPresent(s -> b.strategy(AwsKinds.AWS_IAM_ACCESS_KEY, s));
    return b.build();
  }

  private CleanupReport run(boolean dryRun) {
    return executor(dryRun, CLOCK, Optional.empty(), cleaner).run(inventory, state);
  }

  private FakeKey fakeKey(String id) {
    return fake.account(PROD).findKey(id).or(() -> fake.account(DEV).findKey(id)).orElseThrow();
  }

  private boolean inFake(String id) {
    return fake.account(PROD).findKey(id).or(() -> fake.account(DEV).findKey(id)).isPresent();
  }

  private static Map<String, Long> successfulDeletesPerKey(List<FakeCall> deletes) {
    return deletes.stream().filter(c -> c.status() == 200)
        .collect(Collectors.groupingBy(c -> c.params().get("AccessKeyId"), Collectors.counting()));
  }

  @Test
  void should_offer_delete_first_then_deactivate_and_deactivate_then_delete() {
    assertThat(cleaner.kind()).isEqualTo("aws_iam_access_key");
    assertThat(cleaner.strategies()).extracting(CleanupStrategy::name)
        .containsExactly("delete", "deactivate", "deactivate_then_delete");
  }

  @Test
  void should_refresh_a_key_with_status_and_last_use_from_iam() {
    // GIVEN alice's stale key was used again and deactivated in IAM since the snapshot, bob's was never used
    fakeKey("AKIAALICE00000000001").lastUsed(NOW.minus(Duration.ofHours(2)), "ec2", "us-east-1").status("Inactive");
    fake.shortPages(true);
    AwsIamAccessKey alice = (AwsIamAccessKey) inventory.node("AKIAALICE00000000001").orElseThrow();
    CleanupContext context = new CleanupContext(inventory, NodeState.EMPTY, NOW, true);
    // WHEN
    AwsIamAccessKey fresh = (AwsIamAccessKey) cleaner.refresh(alice, context).orElseThrow();
    AwsIamAccessKey bob = (AwsIamAccessKey) cleaner.refresh(inventory.node("AKIABOB0000000000001").orElseThrow(), context)
        .orElseThrow();
    // THEN
    assertThat(fresh.accessKeyStatus()).contains(AccessKeyStatus.INACTIVE);
    assertThat(fresh.lastUse()).isEqualTo(new LastUse.Used(NOW.minus(Duration.ofHours(2)), Optional.of("ec2"),
        Optional.of("us-east-1")));
    assertThat(fresh.userName()).isEqualTo("alice");
    assertThat(fresh.ctime()).isEqualTo(alice.ctime());
    assertThat(bob.lastUse()).isEqualTo(LastUse.never());
    assertThat(bob.accessKeyStatus()).contains(AccessKeyStatus.ACTIVE);
    assertThat(fake.calls("ListAccessKeys")).allSatisfy(c -> assertThat(c.params()).containsKey("UserName"));
    assertThat(fake.calls("GetAccessKeyLastUsed")).extracting(c -> c.params().get("AccessKeyId"))
        .containsExactly("AKIAALICE00000000001", "AKIABOB0000000000001");
  }

  @Test
  void should_make_no_mutating_call_in_a_dry_run() {
    // GIVEN
    List<AwsIamAccessKey> marked = markStaleKeys();
    // WHEN
    CleanupReport report = run(true);
    // THEN
    assertThat(marked).hasSize(2 + 20 + 20 + 1 + 10);
    assertThat(report.count(Outcome.WOULD_CLEAN)).isEqualTo(marked.size());
    assertThat(report.nodes()).allMatch(n -> n.outcome() == Outcome.WOULD_CLEAN);
    assertThat(fake.callCount("DeleteAccessKey")).isZero();
    assertThat(fake.callCount("UpdateAccessKey")).isZero();
    assertThat(marked).allMatch(k -> inFake(k.id()));
  }

  @Test
  void should_delete_each_planned_key_exactly_once_with_its_user_name() {
    // GIVEN
    List<AwsIamAccessKey> marked = markStaleKeys();
    // WHEN
    CleanupReport report = run(false);
    // THEN
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(marked.size());
    List<FakeCall> deletes = fake.calls("DeleteAccessKey");
    assertThat(deletes).hasSize(marked.size()).allMatch(c -> c.status() == 200);
    Map<String, String> ownerById = marked.stream()
        .collect(Collectors.toMap(AwsIamAccessKey::id, AwsIamAccessKey::userName));
    assertThat(deletes).allSatisfy(c -> assertThat(c.params())
        .containsEntry("UserName", ownerById.get(c.params().get("AccessKeyId"))));
    assertThat(successfulDeletesPerKey(deletes)).containsOnlyKeys(ownerById.keySet()).allSatisfy((id, n) ->
        assertThat(n).isOne());
    assertThat(marked).noneMatch(k -> inFake(k.id()));
    assertThat(inFake("AKIAALICE00000000002")).isTrue();
    assertThat(inFake("AKIAERIN000000000001")).isTrue();
    assertThat(marked).allMatch(k -> state.get(k.id()).isCleaned());
    assertThat(fake.callCount("UpdateAccessKey")).isZero();
  }

  @Test
  void should_skip_a_key_used_after_the_snapshot_and_not_delete_it() {
    // GIVEN
    markStaleKeys();
    fakeKey("AKIADAVE000000000001").use(NOW.minus(Duration.ofMinutes(30)));
    // WHEN
    CleanupReport report = run(false);
    // THEN
    NodeResult dave = report.node("AKIADAVE000000000001").orElseThrow();
    assertThat(dave.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(dave.reason()).startsWith("used at 2026-04-30T23:30:00Z, after the snapshot");
    assertThat(fake.calls("DeleteAccessKey")).noneMatch(c -> c.params().get("AccessKeyId").equals("AKIADAVE000000000001"));
    assertThat(inFake("AKIADAVE000000000001")).isTrue();
    assertThat(state.get("AKIADAVE000000000001").isMarkedForCleanup()).isFalse();
  }

  @Test
  void should_report_a_key_deleted_behind_our_back_as_already_gone() {
    // GIVEN bob's key is deleted by someone else after the snapshot
    markStaleKeys();
    FakeKey bob = fakeKey("AKIABOB0000000000001");
    fake.account(PROD).findUser("bob").orElseThrow().removeKey(bob);
    // WHEN
    CleanupReport report = run(false);
    // THEN
    NodeResult gone = report.node("AKIABOB0000000000001").orElseThrow();
    assertThat(gone.outcome()).isEqualTo(Outcome.ALREADY_GONE);
    assertThat(gone.reason()).isEqualTo("gone at refresh");
    assertThat(fake.calls("DeleteAccessKey")).noneMatch(c -> c.params().get("AccessKeyId").equals(bob.id()));
  }

  @Test
  void should_report_already_gone_when_the_key_disappears_between_refresh_and_delete() {
    // GIVEN a cleaner whose refresh is followed, before the delete, by the user vanishing in IAM
    // (as when a delete that IAM applied was answered with a 5xx and retried: the retry finds nothing)
    state.update("AKIADAVE000000000001", s -> s.withClean(Mark.of("unused for 90 days", NOW)));
    Cleaner racing = new Cleaner() {
      @Override
      public String kind() {
        return cleaner.kind();
      }

      @Override
      public Optional<Resource> refresh(Resource resource, CleanupContext context) {
        Optional<Resource> fresh = cleaner.refresh(resource, context);
        fake.account(DEV).removeUser("dave");
        return fresh;
      }

      @Override
      public void delete(Resource resource, CleanupContext context) {
        cleaner.delete(resource, context);
      }
    };
    // WHEN
    CleanupReport report = executor(false, CLOCK, Optional.empty(), racing).run(inventory, state);
    // THEN
    NodeResult dave = report.node("AKIADAVE000000000001").orElseThrow();
    assertThat(dave.outcome()).isEqualTo(Outcome.ALREADY_GONE);
    assertThat(dave.reason()).startsWith("gone when acted on: DeleteAccessKey says access key AKIADAVE000000000001"
        + " of user dave no longer exists (NoSuchEntity: ");
    assertThat(fake.calls("DeleteAccessKey")).extracting(FakeCall::status).containsExactly(404);
    assertThat(state.get("AKIADAVE000000000001").isCleaned()).isTrue();
  }

  @Test
  void should_fail_without_retry_when_access_is_denied_and_keep_the_mark() {
    // GIVEN
    List<AwsIamAccessKey> marked = markStaleKeys();
    fake.fail("DeleteAccessKey", DEV, 403, "AccessDenied");
    // WHEN
    CleanupReport report = run(false);
    // THEN the dev account's 11 keys failed, not retryable, with the AWS code; prod's were deleted
    List<NodeResult> failed = report.withOutcome(Outcome.FAILED);
    assertThat(failed).hasSize(11).allSatisfy(n -> {
      assertThat(n.retryable()).isFalse();
      assertThat(n.account()).contains("dev");
      assertThat(n.error().orElseThrow()).contains("was denied: AccessDenied: ");
      assertThat(state.get(n.id()).isMarkedForCleanup()).isTrue();
      assertThat(state.get(n.id()).isCleaned()).isFalse();
    });
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(marked.size() - 11);
    // one call per key: AccessDenied is not retried, by the SDK or by the session
    assertThat(fake.calls("DeleteAccessKey").stream().filter(c -> c.status() == 403)).hasSize(11);
  }

  @Test
  void should_delete_every_key_exactly_once_under_throttling_and_server_errors_with_a_pool_of_16() {
    // GIVEN
    List<AwsIamAccessKey> marked = markStaleKeys();
    fake.throttleFraction(0.3).serverErrorFraction(0.05);
    // WHEN
    CleanupReport report = run(false);
    // THEN
    assertThat(report.withOutcome(Outcome.FAILED)).isEmpty();
    assertThat(report.count(Outcome.CLEANED) + report.count(Outcome.ALREADY_GONE)).isEqualTo(marked.size());
    Map<String, Long> deleted = successfulDeletesPerKey(fake.calls("DeleteAccessKey"));
    assertThat(deleted).hasSize(marked.size());
    assertThat(marked).allSatisfy(k -> assertThat(deleted.get(k.id())).as(k.id()).isEqualTo(1L));
    assertThat(marked).noneMatch(k -> inFake(k.id()));
    // the faults did happen, on deletes too, and were retried away
    assertThat(fake.calls()).extracting(FakeCall::errorCode).contains("Throttling", "ServiceFailure");
    assertThat(fake.calls("DeleteAccessKey")).extracting(FakeCall::errorCode).contains("Throttling");
  }

  @Test
  void should_deactivate_on_the_first_run_and_delete_after_the_grace_period() {
    // GIVEN
    List<AwsIamAccessKey> marked = markStaleKeys();
    Optional<CleanupStrategy> strategy = Optional.of(CleanupStrategy.deactivateThenDelete());
    // WHEN the first run comes
    CleanupReport first = executor(false, CLOCK, strategy, cleaner).run(inventory, state);
    // THEN every active key is set Inactive, none deleted
    assertThat(first.count(Outcome.CLEANED)).isEqualTo(marked.size());
    long alreadyInactive = marked.stream().filter(k -> k.accessKeyStatus().equals(Optional.of(AccessKeyStatus.INACTIVE)))
        .count();
    assertThat(alreadyInactive).isEqualTo(20);
    List<FakeCall> updates = fake.calls("UpdateAccessKey");
    assertThat(updates).hasSize(marked.size() - 20).allSatisfy(c -> {
      assertThat(c.params()).containsEntry("Status", "Inactive").containsKeys("UserName", "AccessKeyId");
      assertThat(c.status()).isEqualTo(200);
    });
    assertThat(fake.callCount("DeleteAccessKey")).isZero();
    assertThat(marked).allSatisfy(k -> assertThat(fakeKey(k.id()).status()).isEqualTo("Inactive"));

    // WHEN a run comes inside the grace period, then one after it
    CleanupReport second = executor(false, Clock.offset(CLOCK, Duration.ofDays(7)), strategy, cleaner)
        .run(inventory, state);
    CleanupReport third = executor(false, Clock.offset(CLOCK, Duration.ofDays(15)), strategy, cleaner)
        .run(inventory, state);
    // THEN the second waits and the third deletes each key once
    assertThat(second.count(Outcome.SKIPPED)).isEqualTo(marked.size());
    assertThat(third.count(Outcome.CLEANED)).isEqualTo(marked.size());
    assertThat(third.nodes()).allMatch(n -> n.reason().equals("deleted after deactivation at 2026-05-01T00:00:00Z"));
    assertThat(successfulDeletesPerKey(fake.calls("DeleteAccessKey"))).hasSize(marked.size())
        .allSatisfy((id, n) -> assertThat(n).isOne());
    assertThat(fake.callCount("UpdateAccessKey")).isEqualTo(marked.size() - 20);
  }

  @Test
  void should_only_deactivate_with_the_deactivate_strategy() {
    // GIVEN
    state.update("AKIAALICE00000000001", s -> s.withClean(Mark.of("unused", NOW)));
    // WHEN
    CleanupReport report = executor(false, CLOCK, Optional.of(CleanupStrategy.deactivate()), cleaner)
        .run(inventory, state);
    // THEN
    assertThat(report.node("AKIAALICE00000000001").map(NodeResult::reason)).contains("deactivated");
    assertThat(fake.calls("UpdateAccessKey")).singleElement().satisfies(c -> assertThat(c.params())
        .containsEntry("UserName", "alice").containsEntry("AccessKeyId", "AKIAALICE00000000001")
        .containsEntry("Status", "Inactive"));
    assertThat(fakeKey("AKIAALICE00000000001").status()).isEqualTo("Inactive");
    assertThat(fake.callCount("DeleteAccessKey")).isZero();
  }

  @Test
  void should_refuse_to_delete_a_root_key_and_leave_it_unchanged_at_refresh() {
    // GIVEN
    Resource root = inventory.node("AKIAROOT000000000001").orElseThrow();
    state.update(root.id(), s -> s.withClean(Mark.of("root keys are a risk", NOW)));
    // WHEN
    CleanupReport dry = run(true);
    CleanupReport real = run(false);
    // THEN
    assertThat(cleaner.refresh(root, new CleanupContext(inventory, NodeState.EMPTY, NOW, true))).contains(root);
    assertThat(dry.node(root.id()).map(NodeResult::outcome)).contains(Outcome.WOULD_CLEAN);
    NodeResult failed = real.node(root.id()).orElseThrow();
    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(failed.retryable()).isFalse();
    assertThat(failed.error()).contains("root access keys can be removed only by the root user (sign in as root)");
    assertThat(fake.callCount("DeleteAccessKey")).isZero();
    assertThat(fake.callCount("ListAccessKeys")).isZero();
  }

  @Test
  void should_treat_a_user_gone_from_iam_as_its_key_gone() {
    // GIVEN
    fake.account(PROD).removeUser("bob");
    // WHEN
    Optional<Resource> fresh = cleaner.refresh(inventory.node("AKIABOB0000000000001").orElseThrow(),
        new CleanupContext(inventory, NodeState.EMPTY, NOW, true));
    // THEN
    assertThat(fresh).isEmpty();
    assertThat(fake.calls("ListAccessKeys")).extracting(FakeCall::errorCode).containsExactly("NoSuchEntity");
  }

  @Test
  void should_fail_without_retry_when_listing_the_keys_is_denied_at_refresh() {
    // GIVEN
    state.update("AKIADAVE000000000001", s -> s.withClean(Mark.of("unused", NOW)));
    fake.fail("ListAccessKeys", DEV, 403, "AccessDenied");
    // WHEN
    NodeResult dave = run(false).node("AKIADAVE000000000001").orElseThrow();
    // THEN
    assertThat(dave.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(dave.retryable()).isFalse();
    assertThat(dave.error().orElseThrow()).startsWith("ListAccessKeys on user dave was denied: AccessDenied: ");
    assertThat(fake.callCount("DeleteAccessKey")).isZero();
  }

  @Test
  void should_fail_retryable_when_throttling_outlasts_the_retries() {
    // GIVEN every DeleteAccessKey of the dev account is throttled
    state.update("AKIADAVE000000000001", s -> s.withClean(Mark.of("unused", NOW)));
    fake.fail("DeleteAccessKey", DEV, 400, "Throttling");
    // WHEN a session whose SDK tries 4 times runs the cleaner
    NodeResult dave;
    try (AwsSession impatient = AwsSession.builder()
        .access(AwsAccess.credentials(fake.account(DEV).credentials()))
        .endpointOverride(fake.endpoint())
        .requestsPerSecond(0)
        .retries(4, Duration.ZERO, Duration.ZERO)
        .build()) {
      dave = executor(false, CLOCK, Optional.empty(), new IamAccessKeyCleaner(impatient)).run(inventory, state)
          .node("AKIADAVE000000000001").orElseThrow();
    }
    // THEN the 4 attempts were made, no more, and the node may succeed on a later run
    assertThat(dave.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(dave.retryable()).isTrue();
    assertThat(dave.error().orElseThrow()).startsWith(
        "DeleteAccessKey on access key AKIADAVE000000000001 of user dave still failed after retries: Throttling: ");
    assertThat(fake.calls("DeleteAccessKey")).extracting(FakeCall::attempt).containsExactly(1, 2, 3, 4);
    assertThat(inFake("AKIADAVE000000000001")).isTrue();
    assertThat(state.get("AKIADAVE000000000001").isMarkedForCleanup()).isTrue();
  }

  @Test
  void should_take_access_denied_on_last_use_for_gone_only_when_the_key_is_no_longer_listed() {
    // GIVEN GetAccessKeyLastUsed is denied while dave's key is still there
    fake.fail("GetAccessKeyLastUsed", DEV, 403, "AccessDenied");
    Resource dave = inventory.node("AKIADAVE000000000001").orElseThrow();
    CleanupContext context = new CleanupContext(inventory, NodeState.EMPTY, NOW, true);
    // WHEN / THEN the denial is a permanent failure, after a second look at the list
    assertThatThrownBy(() -> cleaner.refresh(dave, context))
        .isInstanceOfSatisfying(CleanupActionException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageStartingWith("GetAccessKeyLastUsed on access key AKIADAVE000000000001 was denied: AccessDenied: ");
    assertThat(fake.callCount("ListAccessKeys")).isEqualTo(2);
  }
}
