package dev.inventory.aws;

import static dev.inventory.aws.Fixtures.daysAgo;
import static dev.inventory.aws.Fixtures.hoursAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectProgress;
import dev.inventory.collect.CollectResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The collector against the loopback fake: what is seeded comes back, with the calls a collect must make. */
class IamCollectorTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Set<String> COMPARED = Set.of(AwsKinds.AWS_ACCOUNT, AwsKinds.AWS_IAM_USER, AwsKinds.AWS_IAM_ACCESS_KEY);

  private FakeIam fake;

  @BeforeEach
  void start() {
    fake = FakeIam.builder().clock(CLOCK).start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static Inventory fixture() {
    return Fixtures.aws(CLOCK)
        .account("111111111111", "prod", a -> a
            .user("jenkins", u -> u.path("/ci/").tag("team", "build").tag("empty", "")
                .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120), "s3", "eu-west-1"))
                .accessKey("AKIAJENKINS000000002", k -> k.created(daysAgo(30)).neverUsed().inactive()))
            .user("nancy", u -> u.passwordLastUsed(daysAgo(3)).mfaActive(true)
                .accessKey("AKIANANCY00000000001", k -> k.created(daysAgo(200)).lastUsed(hoursAgo(5), "sts", "us-east-1")))
            .user("nokeys", u -> u.tag("x", "y"))
            .rootUser(r -> r.mfaActive(true).passwordLastUsed(daysAgo(1))
                .accessKey("AKIAROOT000000000001", k -> k.created(daysAgo(900)).lastUsed(daysAgo(60), "ec2", "us-west-2"))))
        .account("222222222222", a -> a
            .user("solo", u -> u.accessKey("AKIASOLO00000000001", k -> k.created(daysAgo(10)).neverUsed()))
            .rootUser())
        .build();
  }

  static IamCollector.Builder collector(AwsSession session) {
    return IamCollector.builder(session)
        .reportPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(20));
  }

  @ParameterizedTest
  @EnumSource(LastUsedMode.class)
  void should_collect_back_what_was_seeded(LastUsedMode mode) {
    // GIVEN a fake seeded from a fixture with two accounts
    Inventory expected = fixture();
    fake.seed(expected);
    // WHEN both accounts are collected
    CollectResult result;
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111", "222222222222")) {
      result = collector(session).lastUsed(mode).build().collect(CollectContext.of(CLOCK));
    }
    Inventory got = result.inventory();
    // THEN there are no errors, and every account, user and key is there with the same kind, name and properties
    assertThat(result.errors()).isEmpty();
    for (Resource r : expected.nodes()) {
      if (COMPARED.contains(r.kind()) && !r.id().equals("AKIAROOT000000000001")) {
        assertThat(got.node(r.id())).as(r.id()).contains(r);
      }
    }
    assertThat(ids(got, COMPARED)).as("no other user or key than the fixture's (root keys apart)")
        .containsExactlyInAnyOrderElementsOf(
            ids(expected, COMPARED).stream().filter(id -> !id.equals("AKIAROOT000000000001")).toList());
    // AND the root user and its key come from the report, the key with its synthetic id
    AwsRootUser root = (AwsRootUser) got.node(AwsRootUser.rootArn("111111111111")).orElseThrow();
    AwsRootUser expectedRoot = (AwsRootUser) expected.node(AwsRootUser.rootArn("111111111111")).orElseThrow();
    assertThat(root.mfaActive()).hasValue(true);
    assertThat(root.atime()).isEqualTo(expectedRoot.atime());
    assertThat(root.ctime()).isEqualTo(expectedRoot.ctime());
    assertThat(root.passwordEnabled()).as("the report says not_supported").isEmpty();
    AwsIamAccessKey rootKey = (AwsIamAccessKey) got.node("111111111111:root:access_key_1").orElseThrow();
    AwsIamAccessKey seededRootKey = (AwsIamAccessKey) expected.node("AKIAROOT000000000001").orElseThrow();
    assertThat(rootKey.name()).hasValue("root");
    assertThat(rootKey.ctime()).isEqualTo(seededRootKey.ctime());
    assertThat(rootKey.lastUse()).isEqualTo(seededRootKey.lastUse());
    assertThat(rootKey.accessKeyStatus()).hasValue(AccessKeyStatus.ACTIVE);
    // AND the graph has the fixture's shape
    assertThat(got.predecessors("111111111111", EdgeType.DEFAULT)).extracting(Resource::id).containsExactly("aws");
    String jenkins = expected.predecessors("AKIAJENKINS000000001", EdgeType.DEFAULT).get(0).id();
    assertThat(got.successors("111111111111/global", EdgeType.DEFAULT)).extracting(Resource::id)
        .contains(AwsRootUser.rootArn("111111111111"), jenkins);
    assertThat(got.successors(jenkins, EdgeType.DELETE)).extracting(Resource::id)
        .containsExactlyInAnyOrder("AKIAJENKINS000000001", "AKIAJENKINS000000002");
    assertThat(got.successors(root.id(), EdgeType.DELETE)).extracting(Resource::id)
        .containsExactly("111111111111:root:access_key_1");
    // AND the account without an alias is named by its id
    assertThat(got.node("222222222222").flatMap(Resource::name)).hasValue("222222222222");
  }

  @ParameterizedTest
  @EnumSource(LastUsedMode.class)
  void should_list_keys_with_user_name_and_read_last_use_per_key_only_when_needed(LastUsedMode mode) {
    // GIVEN a seeded fake
    fake.seed(fixture());
    // WHEN collected
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111", "222222222222")) {
      collector(session).lastUsed(mode).build().collect(CollectContext.of(CLOCK));
    }
    // THEN every ListAccessKeys named its user
    assertThat(fake.calls("ListAccessKeys")).hasSize(4)
        .allSatisfy(c -> assertThat(c.params()).containsKey("UserName"));
    // AND last use was read per key only in per-key mode (the report places every key here)
    long perKey = fake.callCount("GetAccessKeyLastUsed");
    if (mode == LastUsedMode.PER_KEY) {
      assertThat(fake.calls("GetAccessKeyLastUsed")).extracting(c -> c.params().get("AccessKeyId"))
          .containsExactlyInAnyOrder("AKIAJENKINS000000001", "AKIAJENKINS000000002", "AKIANANCY00000000001",
              "AKIASOLO00000000001");
    } else {
      assertThat(perKey).isZero();
    }
    // AND the report was asked for once per account in every mode, since the root user is collected
    assertThat(fake.calls("GetCredentialReport")).filteredOn(FakeCall::succeeded).hasSize(2);
  }

  @Test
  void should_read_per_key_only_the_keys_the_report_cannot_place() {
    // GIVEN a user whose two keys were created in the same second, and a report made before a third user's key
    Instant second = NOW.minus(Duration.ofDays(50));
    fake.account("111111111111").user("twins").addKey("AKIATWINS0000000001", second).lastUsed(NOW.minusSeconds(600), "s3", "us-east-1");
    fake.account("111111111111").user("twins").addKey("AKIATWINS0000000002", second.plusMillis(0)).neverUsed();
    fake.account("111111111111").user("placed").addKey("AKIAPLACED000000001", NOW.minus(Duration.ofDays(9))).neverUsed();
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
      IamCollector c = collector(session).lastUsed(LastUsedMode.CREDENTIAL_REPORT).build();
      c.collect(CollectContext.of(CLOCK)); // the report is made now and reused below (4 hours)
      fake.account("111111111111").user("late").addKey("AKIALATE00000000001", NOW).lastUsed(NOW, "iam", "us-east-1");
      fake.clearCalls();
      // WHEN collected again in report mode
      CollectResult result = c.collect(CollectContext.of(CLOCK));
      // THEN only the twins and the key newer than the report were read per key, with the right values
      assertThat(fake.calls("GetAccessKeyLastUsed")).extracting(call -> call.params().get("AccessKeyId"))
          .containsExactlyInAnyOrder("AKIATWINS0000000001", "AKIATWINS0000000002", "AKIALATE00000000001");
      assertThat(lastUse(result, "AKIATWINS0000000001").at()).hasValue(NOW.minusSeconds(600));
      assertThat(lastUse(result, "AKIATWINS0000000002")).isEqualTo(LastUse.never());
      assertThat(lastUse(result, "AKIALATE00000000001").at()).hasValue(NOW);
      assertThat(lastUse(result, "AKIAPLACED000000001")).isEqualTo(LastUse.never());
      assertThat(result.errors()).isEmpty();
    }
  }

  @Test
  void should_page_through_many_users_with_short_pages() {
    // GIVEN 130 users with a key each and pages shorter than asked for
    for (int i = 0; i < 130; i++) {
      fake.account("111111111111").user(String.format("user%03d", i))
          .addKey(String.format("AKIAPAGE%012d", i), NOW.minus(Duration.ofDays(100 + i))).neverUsed();
    }
    fake.shortPages(true);
    // WHEN collected
    CollectResult result;
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
      result = collector(session).lastUsed(LastUsedMode.AUTO).build().collect(CollectContext.of(CLOCK));
    }
    // THEN every user and key is there, after more than one ListUsers page
    assertThat(result.inventory().ofKind(AwsKinds.AWS_IAM_USER)).hasSize(130);
    assertThat(result.inventory().ofKind(AwsKinds.AWS_IAM_ACCESS_KEY)).hasSize(130);
    assertThat(fake.callCount("ListUsers")).isEqualTo(3); // pages of 50 (half the default 100)
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void should_report_progress_until_users_and_keys_are_all_done_and_name_the_mode() {
    // GIVEN a seeded fake and a listener
    fake.seed(fixture());
    List<CollectProgress> events = Collections.synchronizedList(new ArrayList<>());
    // WHEN collected in auto mode
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111", "222222222222")) {
      collector(session).build().collect(CollectContext.of(CLOCK, events::add));
    }
    // THEN each account's users and keys reached done == total
    for (String acct : List.of("aws:111111111111", "aws:222222222222")) {
      List<CollectProgress> mine = events.stream().filter(e -> e.source().equals(acct)).toList();
      assertThat(mine).filteredOn(e -> e.message().equals("users"))
          .last().satisfies(e -> assertThat(e.done()).isEqualTo(e.total()).isPositive());
      assertThat(mine).filteredOn(e -> e.message().equals("access keys"))
          .last().satisfies(e -> assertThat(e.done()).isEqualTo(e.total()).isPositive());
      assertThat(mine).extracting(CollectProgress::message)
          .anyMatch(m -> m.startsWith("last use: credential-report (mode auto"))
          .anyMatch(m -> m.equals("credential report COMPLETE"));
    }
  }

  @Test
  void should_choose_per_key_in_auto_mode_for_a_small_account_without_root() {
    // GIVEN an account with two keys, and the root user not wanted
    fake.account("111111111111").user("a").addKey("AKIASMALL0000000001", NOW.minus(Duration.ofDays(5))).neverUsed();
    fake.account("111111111111").user("b").addKey("AKIASMALL0000000002", NOW.minus(Duration.ofDays(5))).neverUsed();
    List<CollectProgress> events = Collections.synchronizedList(new ArrayList<>());
    // WHEN collected in auto mode
    try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
      collector(session).rootUser(false).build().collect(CollectContext.of(CLOCK, events::add));
    }
    // THEN no report was asked for, and the mode says so
    assertThat(fake.callCount("GenerateCredentialReport")).isZero();
    assertThat(fake.callCount("GetAccessKeyLastUsed")).isEqualTo(2);
    assertThat(events).extracting(CollectProgress::message).anyMatch(m -> m.startsWith("last use: per-key (mode auto, 2 keys"));
  }

  private static LastUse lastUse(CollectResult r, String keyId) {
    return ((AwsIamAccessKey) r.inventory().node(keyId).orElseThrow()).lastUse();
  }

  static List<String> ids(Inventory inv, Set<String> kinds) {
    return inv.nodes().stream().filter(r -> kinds.contains(r.kind())).map(Resource::id)
        .filter(id -> !id.contains(":root:")).toList();
  }
}
