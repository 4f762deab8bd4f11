package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamAccessKeyCleaner;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.IamUserCleaner;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.aws.fake.FakeCall;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.cleanup.CleanupExecutor;
import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.NodeResult;
import dev.inventory.cleanup.Outcome;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import dev.inventory.query.QueryEngine;
import dev.inventory.query.QuerySelectionCheck;
import dev.inventory.query.command.Commands;
import dev.inventory.state.StateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The guide on AWS (issue 6 "What it must show"): the demo organisation lives in the loopback fake
 * of IAM and STS, twelve accounts on one endpoint, each reached by assuming a role with the
 * credentials of a management account; everything goes through the real SDK clients. The expected
 * numbers come from the same organisation loaded as a fixture, never from constants.
 */
class AwsDemoTest {
  private static final String NOW = "2026-05-01T00:00:00Z";
  private static final Clock CLOCK = Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC);
  private static final String MANAGEMENT = "999999999999";
  /** Attempts per call: enough that 30% throttling almost never fails a call (0.3^30). */
  private static final int MAX_ATTEMPTS = 30;
  private static final String STALE = "search is(access_key) and last_access > 90days";
  private static final String STALE_OWNERS = STALE + " <-- is(user) | count name";
  private static final String STALE_OWNERS_BUT_CI = STALE + " <-- is(user) and name not in [jenkins, ci] | count name";
  private static final String CLEAN_STALE_KEYS =
      STALE + " and /ancestors.user.reported.name not in [jenkins, ci] | clean \"unused for 90 days\"";

  private final Inventory demo = DemoOrganisation.build(CLOCK);
  private FakeIam fake;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start_the_fake() {
    fake = FakeIam.builder().clock(CLOCK).seed(7L).start();
    fake.seed(demo);
    // AWS reuses a credential report for 4 hours; one taken an hour ago spares every test the polling.
    DemoOrganisation.ACCOUNTS.keySet()
        .forEach(a -> fake.account(a).credentialReportGenerated(CLOCK.instant().minus(Duration.ofHours(1))));
    // The management account only assumes roles; the twelve demo accounts are collected.
    AwsCredentials management = fake.account(MANAGEMENT).credentials().resolveCredentials();
    System.setProperty("aws.accessKeyId", management.accessKeyId());
    System.setProperty("aws.secretAccessKey", management.secretAccessKey());
  }

  @AfterEach
  void stop_the_fake() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    fake.close();
  }

  /** The shell with {@code --aws} on the fake: one {@code --role-arn} per demo account. */
  private int shell(LastUsedMode mode, String... lines) {
    return shell(mode, List.of(), lines);
  }

  private int shell(LastUsedMode mode, List<String> moreOptions, String... lines) {
    List<String> args = new ArrayList<>(List.of("--aws", "--endpoint-url", fake.endpoint().toString(),
        "--last-used", mode.cliName(), "--requests-per-second", "0", "--now", NOW));
    for (String account : DemoOrganisation.ACCOUNTS.keySet()) {
      args.addAll(List.of("--role-arn", "arn:aws:iam::" + account + ":role/inventory"));
    }
    args.addAll(moreOptions);
    for (String line : lines) {
      args.addAll(List.of("-c", line));
    }
    return Shell.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String fixtureOutput(String... lines) {
    Commands commands = Commands.builder().inventory(demo).state(StateStore.inMemory()).clock(CLOCK).build();
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append(commands.execute(line).text()).append(System.lineSeparator());
    }
    return b.toString();
  }

  /** The keys the guide's clean line marks on the fixture, with their owners. */
  private Map<String, String> staleKeysOnTheFixture() {
    StateStore state = StateStore.inMemory();
    Commands.builder().inventory(demo).state(state).clock(CLOCK).build().execute(CLEAN_STALE_KEYS);
    Map<String, String> owners = new TreeMap<>();
    for (AwsIamAccessKey k : demo.ofType(AwsIamAccessKey.class)) {
      if (state.get(k.id()).clean().isPresent()) {
        owners.put(k.id(), k.userName());
      }
    }
    return owners;
  }

  @ParameterizedTest
  @ValueSource(strings = {"per-key", "credential-report"})
  void should_count_the_same_stale_key_owners_as_on_the_fixture(String mode) {
    // WHEN
    int code = shell(LastUsedMode.parse(mode), STALE_OWNERS, STALE_OWNERS_BUT_CI);
    // THEN
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(fixtureOutput(STALE_OWNERS, STALE_OWNERS_BUT_CI));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("total matched: 26");
    // progress went to standard error, one account at a time
    assertThat(err.toString(StandardCharsets.UTF_8))
        .containsPattern("collect aws:100000000001: users listed (\\d+)/\\1")
        .containsPattern("collect aws:100000000012: access keys (\\d+)/\\1");
    if (mode.equals("per-key")) {
      assertThat(fake.calls("GetAccessKeyLastUsed")).hasSize(demo.ofType(AwsIamAccessKey.class).size() - 12);
    } else {
      assertThat(fake.calls("GetAccessKeyLastUsed")).isEmpty();
    }
  }

  @Test
  void should_delete_exactly_the_marked_keys_each_once_with_its_user_name() {
    // GIVEN
    Map<String, String> expected = staleKeysOnTheFixture();
    assertThat(expected).hasSize(26);
    // WHEN
    int code = shell(LastUsedMode.AUTO, CLEAN_STALE_KEYS, "config set worker cleanup=true", "cleanup run --no-dry-run");
    // THEN
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<FakeCall> deletes = fake.calls("DeleteAccessKey");
    assertThat(deletes).hasSize(26);
    assertThat(deletes.stream().collect(Collectors.toMap(c -> c.params().get("AccessKeyId"), c -> c.params().get("UserName"))))
        .isEqualTo(expected);
    assertThat(fake.calls("UpdateAccessKey")).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("cleaned 26");
  }

  @Test
  void should_call_nothing_that_changes_iam_in_a_dry_run() {
    // WHEN
    int code = shell(LastUsedMode.AUTO, CLEAN_STALE_KEYS, "cleanup run", "cleanup run --dry-run");
    // THEN
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(fake.calls("DeleteAccessKey")).isEmpty();
    assertThat(fake.calls("UpdateAccessKey")).isEmpty();
    assertThat(fake.calls("DeleteUser")).isEmpty();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("would_clean 26");
  }

  // ---- the Java API, with fast retries so that injected faults cost no seconds --------------

  private AwsSession session(int maxAttempts) {
    AwsAccess base = AwsAccess.credentials(fake.account(MANAGEMENT).credentials());
    AwsSession.Builder b = AwsSession.builder()
        .endpointOverride(fake.endpoint())
        .requestsPerSecond(0)
        .retries(maxAttempts, Duration.ZERO, Duration.ZERO);
    DemoOrganisation.ACCOUNTS.keySet().forEach(a -> b.access(base.assumeRole("arn:aws:iam::" + a + ":role/inventory")));
    return b.build();
  }

  private static CollectResult collect(AwsSession aws, LastUsedMode mode) {
    return IamCollector.builder(aws).lastUsed(mode)
        .reportPolling(Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30))
        .build().collect(CollectContext.of(CLOCK));
  }

  private static CleanupExecutor executor(AwsSession aws, boolean dryRun, int poolSize) {
    return CleanupExecutor.builder()
        .config(CleanupConfig.builder().cleanup(true).dryRun(dryRun).poolSize(poolSize).build())
        .clock(CLOCK)
        .cleaner(new IamAccessKeyCleaner(aws))
        .cleaner(new IamUserCleaner(aws))
        .selectionCheck(new QuerySelectionCheck())
        .withoutDiscovery()
        .build();
  }

  /** Users and keys by id, each with the properties a policy reads. */
  private static Map<String, String> usersAndKeys(Inventory inventory) {
    Map<String, String> out = new TreeMap<>();
    Function<Resource, String> describe = r -> r.kind() + " " + r.name() + " ctime=" + r.ctime().orElse(null)
        + " atime=" + r.atime().orElse(null)
        + (r instanceof AwsIamAccessKey k ? " status=" + k.accessKeyStatus().orElse(null) + " use=" + k.lastUse() : "");
    inventory.ofKind("user").forEach(r -> out.put(r.id(), describe.apply(r)));
    inventory.ofKind("aws_iam_access_key").stream().filter(r -> !r.name().equals("root"))
        .forEach(r -> out.put(r.id(), describe.apply(r)));
    inventory.ofKind("account").forEach(r -> out.put(r.id(), r.kind() + " " + r.name()));
    return out;
  }

  @Test
  void should_skip_a_key_used_after_the_collect() {
    try (AwsSession aws = session(MAX_ATTEMPTS)) {
      // GIVEN a snapshot, the stale keys marked, and then one of them used again
      Inventory snapshot = collect(aws, LastUsedMode.AUTO).inventory();
      StateStore state = StateStore.inMemory();
      Commands.builder().inventory(snapshot).state(state).clock(CLOCK).build().execute(CLEAN_STALE_KEYS);
      String usedAgain = staleKeysOnTheFixture().keySet().iterator().next();
      String account = accountOf(usedAgain);
      fake.account(account).findKey(usedAgain).orElseThrow().use(CLOCK.instant().minusSeconds(60));
      // WHEN
      CleanupReport report = executor(aws, false, 16).run(snapshot, state);
      // THEN
      NodeResult skipped = report.node(usedAgain).orElseThrow();
      assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(fake.calls("DeleteAccessKey")).hasSize(25)
          .noneMatch(c -> c.params().get("AccessKeyId").equals(usedAgain));
      assertThat(fake.account(account).findKey(usedAgain).orElseThrow().deleted()).isFalse();
    }
  }

  /** The account of a key of the demo organisation (also once the fake deleted it). */
  private String accountOf(String keyId) {
    Resource r = demo.node(keyId).orElseThrow();
    while (!r.kind().equals("aws_account")) {
      r = demo.predecessors(r.id(), EdgeType.DEFAULT).get(0);
    }
    return r.id();
  }

  @Test
  void should_collect_the_same_inventory_and_delete_every_planned_key_once_under_throttling_and_failures() {
    Map<String, String> calm;
    try (AwsSession aws = session(MAX_ATTEMPTS)) {
      calm = usersAndKeys(collect(aws, LastUsedMode.AUTO).inventory());
    }
    fake.clearCalls();
    fake.throttleFraction(0.30);
    fake.serverErrorFraction(0.05);
    try (AwsSession aws = session(MAX_ATTEMPTS)) {
      // WHEN
      CollectResult stormy = collect(aws, LastUsedMode.AUTO);
      StateStore state = StateStore.inMemory();
      Commands.builder().inventory(stormy.inventory()).state(state).clock(CLOCK).build().execute(CLEAN_STALE_KEYS);
      CleanupReport report = executor(aws, false, 16).run(stormy.inventory(), state);
      // THEN the faults really happened, and changed nothing
      assertThat(fake.calls().stream().filter(c -> "Throttling".equals(c.errorCode()))).isNotEmpty();
      assertThat(fake.calls().stream().filter(c -> "ServiceFailure".equals(c.errorCode()))).isNotEmpty();
      assertThat(stormy.errors()).isEmpty();
      assertThat(usersAndKeys(stormy.inventory())).isEqualTo(calm);
      Set<String> planned = staleKeysOnTheFixture().keySet();
      Map<String, Long> successfulDeletes = fake.calls("DeleteAccessKey").stream()
          .filter(c -> c.status() == 200)
          .collect(Collectors.groupingBy(c -> c.params().get("AccessKeyId"), TreeMap::new, Collectors.counting()));
      assertThat(successfulDeletes.keySet()).isEqualTo(new TreeSet<>(planned));
      assertThat(successfulDeletes.values()).containsOnly(1L);
      assertThat(report.nodes()).filteredOn(r -> planned.contains(r.id()))
          .extracting(NodeResult::outcome).isSubsetOf(Outcome.CLEANED, Outcome.ALREADY_GONE);
      planned.forEach(k -> assertThat(fake.account(accountOf(k)).findKey(k).map(x -> x.deleted()).orElse(true)).isTrue());
    }
  }

  @Test
  void should_deactivate_first_and_delete_after_the_grace_period_in_the_example_program(@TempDir Path dir) {
    Path stateFile = dir.resolve("state.json");
    Path audit = dir.resolve("audit.jsonl");
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (AwsSession aws = session(MAX_ATTEMPTS)) {
      // a dry run changes nothing
      AwsStaleKeyCleanup.run(aws, StateStore.jsonFile(stateFile), audit, CLOCK, true, sink);
      assertThat(fake.calls("UpdateAccessKey")).isEmpty();
      // the first real run deactivates the keys the policy selects on the fixture
      Set<String> selected = selectedByThePolicy();
      assertThat(selected).hasSizeGreaterThan(26);   // the guide's 26 and old keys never used
      CleanupReport first = AwsStaleKeyCleanup.run(aws, StateStore.jsonFile(stateFile), audit, CLOCK, false, sink);
      assertThat(fake.calls("UpdateAccessKey")).extracting(c -> c.params().get("AccessKeyId"))
          .containsExactlyInAnyOrderElementsOf(selected);
      assertThat(fake.calls("UpdateAccessKey"))
          .allMatch(c -> c.params().get("Status").equals("Inactive") && c.params().containsKey("UserName"));
      assertThat(fake.calls("DeleteAccessKey")).isEmpty();
      assertThat(first.count(Outcome.FAILED)).isZero();
      // fifteen days later the keys, still inactive, are deleted
      Clock later = Clock.offset(CLOCK, Duration.ofDays(15));
      CleanupReport second = AwsStaleKeyCleanup.run(aws, StateStore.jsonFile(stateFile), audit, later, false, sink);
      assertThat(fake.calls("DeleteAccessKey")).extracting(c -> c.params().get("AccessKeyId"))
          .containsExactlyInAnyOrderElementsOf(selected);
      // (a key that turned stale in those fifteen days is deactivated in the same run)
      selected.forEach(id -> assertThat(second.node(id).orElseThrow().outcome()).isEqualTo(Outcome.CLEANED));
    }
  }

  private Set<String> selectedByThePolicy() {
    StateStore state = StateStore.inMemory();
    CleanupStaleKeys.POLICY.clean(QueryEngine.of(demo, state), "unused for 90 days", CLOCK);
    return demo.ofType(AwsIamAccessKey.class).stream().map(AwsIamAccessKey::id)
        .filter(id -> state.get(id).clean().isPresent()).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void should_export_the_collected_inventory_as_a_fixture_that_counts_the_same(@TempDir Path dir) {
    // GIVEN
    Path export = dir.resolve("collected.ndjson");
    // WHEN
    int code = shell(LastUsedMode.AUTO, List.of("--export", export.toString()));
    // THEN
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    out.reset();
    int again = Shell.run(new String[] {"--fixture", export.toString(), "--now", NOW, "-c", STALE_OWNERS_BUT_CI},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    assertThat(again).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(fixtureOutput(STALE_OWNERS_BUT_CI));
  }

  @Test
  void should_report_an_account_that_failed_and_go_on_with_the_others() {
    // GIVEN
    fake.fail("ListUsers", "100000000003", 403, "AccessDenied");
    // WHEN
    int code = shell(LastUsedMode.AUTO, "search is(account) | count");
    // THEN
    assertThat(code).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("collect error: aws:100000000003: AccessDenied");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("total matched: 11");
  }
}
