package dev.inventory.aws;

import static dev.inventory.aws.IamCollectorTest.CLOCK;
import static dev.inventory.aws.IamCollectorTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import dev.inventory.collect.SourceError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures, throttling and the credential report's moods: the collect goes on, errors say what failed. */
class IamCollectorFaultsTest {
  private FakeIam fake;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(CLOCK).seed(7L).start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private CollectResult collect(LastUsedMode mode, String... accounts) {
    return collect(mode, null, accounts);
  }

  private CollectResult collect(LastUsedMode mode, List<CollectProgress> events, String... accounts) {
    try (AwsSession session = AwsTestSessions.fast(fake, accounts)) {
      return IamCollectorTest.collector(session).lastUsed(mode)
          .reportPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(20))
          .build().collect(events == null ? CollectContext.of(CLOCK) : CollectContext.of(CLOCK, events::add));
    }
  }

  @Test
  void should_collect_the_other_accounts_when_one_is_denied_list_users() {
    // GIVEN two seeded accounts, one of which may not list users
    fake.seed(IamCollectorTest.fixture());
    fake.fail("ListUsers", "222222222222", 403, "AccessDenied");
    // WHEN both are collected
    CollectResult result = collect(LastUsedMode.AUTO, "111111111111", "222222222222");
    // THEN the denied account is reported with the AWS code and left out; the other one is complete
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("aws:222222222222");
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.message()).startsWith("ListUsers failed: ");
    });
    assertThat(result.inventory().contains("222222222222")).isFalse();
    assertThat(result.inventory().contains("111111111111")).isTrue();
    assertThat(result.inventory().contains("AKIANANCY00000000001")).isTrue();
  }

  @Test
  void should_return_the_cloud_node_and_the_errors_when_every_account_fails() {
    // GIVEN an account whose caller may not even ask STS who it is
    fake.account("111111111111");
    fake.fail("GetCallerIdentity", "111111111111", 403, "AccessDenied");
    // WHEN collected
    CollectResult result = collect(LastUsedMode.AUTO, "111111111111");
    // THEN the result holds just the cloud node, and the error names the access
    assertThat(result.inventory().nodes()).extracting(Resource::id).containsExactly("aws");
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.source()).isEqualTo("aws:credentials provider");
      assertThat(e.message()).startsWith("GetCallerIdentity failed");
    });
  }

  @Test
  void should_collect_the_same_inventory_through_throttling_and_server_errors() {
    // GIVEN a seeded fake collected without faults
    fake.seed(IamCollectorTest.fixture());
    for (int i = 0; i < 40; i++) {
      fake.account("111111111111").user("bulk" + i).addKey(String.format("AKIABULK%012d", i), NOW.minus(Duration.ofDays(3 + i)))
          .lastUsed(NOW.minus(Duration.ofHours(i + 1)), "s3", "us-east-1");
    }
    CollectResult clean = collect(LastUsedMode.PER_KEY, "111111111111", "222222222222");
    // WHEN 30% of calls are throttled and 5% fail with 500
    fake.throttleFraction(0.30).serverErrorFraction(0.05);
    fake.clearCalls();
    CollectResult faulty = collect(LastUsedMode.PER_KEY, "111111111111", "222222222222");
    // THEN the faults happened, yet nothing failed and the inventory is the same
    assertThat(fake.calls()).anyMatch(c -> "Throttling".equals(c.errorCode()));
    assertThat(fake.calls()).anyMatch(c -> c.status() == 500);
    assertThat(faulty.errors()).isEmpty();
    assertThat(sorted(faulty)).isEqualTo(sorted(clean));
    assertThat(clean.inventory().ofKind(AwsKinds.AWS_IAM_ACCESS_KEY)).hasSize(45); // 3 + 40 + solo + a root key
  }

  @Test
  void should_wait_out_a_report_in_progress_and_limit_exceeded() {
    // GIVEN a report that takes a few polls, and one LimitExceeded first
    fake.seed(IamCollectorTest.fixture());
    fake.reportGenerationPolls(3);
    fake.generateCredentialReportLimitExceeded(1);
    List<CollectProgress> events = Collections.synchronizedList(new ArrayList<>());
    // WHEN collected in report mode
    CollectResult result = collect(LastUsedMode.CREDENTIAL_REPORT, events, "111111111111");
    // THEN the report came, no key was read per key, and the states were shown
    assertThat(result.errors()).isEmpty();
    assertThat(fake.callCount("GetAccessKeyLastUsed")).isZero();
    assertThat(fake.callCount("GenerateCredentialReport")).isGreaterThanOrEqualTo(5);
    assertThat(events).extracting(CollectProgress::message)
        .contains("credential report LimitExceeded", "credential report INPROGRESS", "credential report COMPLETE");
    assertThat(((AwsIamAccessKey) result.inventory().node("AKIAJENKINS000000001").orElseThrow()).lastUse().at())
        .hasValue(NOW.minus(Duration.ofDays(120)));
  }

  @Test
  void should_read_last_use_per_key_when_the_report_is_denied() {
    // GIVEN a report that may not be generated
    fake.seed(IamCollectorTest.fixture());
    fake.fail("GenerateCredentialReport", "111111111111", 403, "AccessDenied");
    // WHEN collected in report mode
    CollectResult result = collect(LastUsedMode.CREDENTIAL_REPORT, "111111111111");
    // THEN the error says so, every key was read per key, and the values are right
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.message()).startsWith("credential report unavailable, last use read per key: GenerateCredentialReport failed");
    });
    assertThat(fake.callCount("GetAccessKeyLastUsed")).isEqualTo(3);
    assertThat(((AwsIamAccessKey) result.inventory().node("AKIAJENKINS000000002").orElseThrow()).lastUse())
        .isEqualTo(LastUse.never());
    assertThat(result.inventory().contains(AwsRootUser.rootArn("111111111111")))
        .as("no root user without the report").isFalse();
  }

  @Test
  void should_give_up_on_a_report_that_never_completes_and_read_per_key() {
    // GIVEN a report that stays in progress
    fake.seed(IamCollectorTest.fixture());
    fake.reportGenerationPolls(1_000_000);
    // WHEN collected with a short give-up time
    CollectResult result;
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
      result = IamCollector.builder(session).lastUsed(LastUsedMode.CREDENTIAL_REPORT)
          .reportPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(100))
          .build().collect(CollectContext.of(CLOCK));
    }
    // THEN the timeout is an error and the keys still have their last use
    assertThat(result.errors()).extracting(SourceError::code).containsExactly("ReportTimeout");
    assertThat(((AwsIamAccessKey) result.inventory().node("AKIANANCY00000000001").orElseThrow()).lastUse().label())
        .isEqualTo("used");
  }

  @Test
  void should_leave_last_use_unknown_and_count_the_keys_when_per_key_reads_are_denied() {
    // GIVEN per-key reads that are denied
    fake.seed(IamCollectorTest.fixture());
    fake.fail("GetAccessKeyLastUsed", "111111111111", 403, "AccessDenied");
    // WHEN collected per key without the root user (so no report)
    CollectResult result;
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
      result = IamCollector.builder(session).lastUsed(LastUsedMode.PER_KEY).rootUser(false)
          .build().collect(CollectContext.of(CLOCK));
    }
    // THEN every key is unknown, and one error counts them
    assertThat(result.inventory().ofType(AwsIamAccessKey.class))
        .hasSize(3).allSatisfy(k -> assertThat(k.lastUse()).isEqualTo(LastUse.unknown()));
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("aws:111111111111");
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.message()).startsWith("GetAccessKeyLastUsed failed for 3 keys (AccessDenied): ");
    });
  }

  @Test
  void should_keep_users_whose_keys_cannot_be_listed_and_count_them_in_one_error() {
    // GIVEN an account where ListAccessKeys is denied
    fake.seed(IamCollectorTest.fixture());
    fake.fail("ListAccessKeys", "111111111111", 403, "AccessDenied");
    // WHEN collected
    CollectResult result = collect(LastUsedMode.AUTO, "111111111111");
    // THEN the users are there without keys (only the root key, from the report), and one error counts them
    assertThat(result.inventory().ofKind(AwsKinds.AWS_IAM_USER)).hasSize(3);
    assertThat(result.inventory().ofKind(AwsKinds.AWS_IAM_ACCESS_KEY)).extracting(Resource::id)
        .containsExactly("111111111111:root:access_key_1");
    assertThat(result.errors()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo("AccessDenied");
      assertThat(e.message()).startsWith("ListAccessKeys failed for 3 users (AccessDenied): ");
    });
  }

  @Test
  void should_collect_an_account_reached_twice_only_once() {
    // GIVEN a session with two accesses to the same account
    fake.seed(IamCollectorTest.fixture());
    CollectResult result;
    try (AwsSession session = AwsTestSessions.builder(fake, "111111111111")
        .access(AwsAccess.credentials(fake.account("111111111111").credentials()).sessionName("second"))
        .build()) {
      // WHEN collected
      result = IamCollector.builder(session).rootUser(false).build().collect(CollectContext.of(CLOCK));
    }
    // THEN its nodes are there once, and the duplicate is reported
    assertThat(result.inventory().ofKind(AwsKinds.AWS_ACCOUNT)).hasSize(1);
    assertThat(result.errors()).extracting(SourceError::code).containsExactly("DuplicateAccount");
  }

  private static List<String> sorted(CollectResult r) {
    return r.inventory().nodes().stream().sorted(Comparator.comparing(Resource::id)).map(Resource::toString).toList();
  }
}
