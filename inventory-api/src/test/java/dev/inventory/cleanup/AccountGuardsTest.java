package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cleanup_accounts and cleanup_exclude_accounts: keys, file, config set, and the executor's skip before any call. */
class AccountGuardsTest {
  private static final String ACCT1 = "100000000001";
  private static final String ACCT2 = "100000000002";

  @TempDir
  Path dir;

  private final TestOrg org = TestOrg.build();
  private final dev.inventory.state.StateStore state = dev.inventory.state.StateStore.inMemory();
  private final RecordingCleaner keys = new RecordingCleaner(TestKey.KIND).holding(org.keys);

  private static String accountOf(TestKey key) {
    return key.id().split("-")[1];
  }

  @Test
  void should_skip_a_key_outside_cleanup_accounts_without_any_cleaner_call() {
    // GIVEN the guide's 26 marked keys over twelve accounts, and only account 1 allowed
    List<TestKey> marked = org.mark(state);
    CleanupConfig config = CleanupExecutorTest.REAL.toBuilder().accounts(List.of(ACCT1)).build();
    // WHEN
    CleanupReport report = CleanupExecutorTest.executor(config, keys).build().run(org.inventory, state);
    // THEN the keys of other accounts got no call, not even a refresh, and keep their marks
    List<TestKey> outside = marked.stream().filter(k -> !accountOf(k).equals(ACCT1)).toList();
    assertThat(outside).isNotEmpty();
    Set<String> outsideIds = outside.stream().map(TestKey::id).collect(Collectors.toSet());
    assertThat(keys.calls).noneMatch(c -> outsideIds.contains(c.id()));
    for (TestKey k : outside) {
      NodeResult r = report.node(k.id()).orElseThrow();
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason()).isEqualTo("account " + accountOf(k) + " is not in cleanup_accounts (" + ACCT1
          + "); nothing was called");
      assertThat(state.get(k.id()).isMarkedForCleanup()).isTrue();
    }
    // AND the keys of account 1 were cleaned
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(marked.size() - outside.size()).isPositive();
  }

  @Test
  void should_let_the_exclude_list_win_over_the_allow_list() {
    // GIVEN accounts 1 and 2 allowed, and account 2 excluded as well
    List<TestKey> marked = org.mark(state);
    CleanupConfig config = CleanupExecutorTest.REAL.toBuilder().accounts(List.of(ACCT1, ACCT2))
        .excludeAccounts(List.of(ACCT2)).build();
    // WHEN
    CleanupReport report = CleanupExecutorTest.executor(config, keys).build().run(org.inventory, state);
    // THEN nothing in account 2 was called, and its keys say why
    List<TestKey> inTwo = marked.stream().filter(k -> accountOf(k).equals(ACCT2)).toList();
    assertThat(inTwo).isNotEmpty();
    for (TestKey k : inTwo) {
      assertThat(keys.calls).noneMatch(c -> c.id().equals(k.id()));
      assertThat(report.node(k.id()).orElseThrow().reason())
          .isEqualTo("account " + ACCT2 + " is in cleanup_exclude_accounts; nothing was called");
    }
    assertThat(keys.calls("delete")).isNotEmpty().allMatch(c -> c.id().contains("-" + ACCT1 + "-"));
  }

  @Test
  void should_guard_a_dry_run_the_same_way() {
    // GIVEN the default dry run with account 1 excluded
    org.mark(state);
    CleanupConfig config = CleanupConfig.builder().excludeAccounts(List.of(ACCT1)).build();
    // WHEN
    CleanupReport report = CleanupExecutorTest.executor(config, keys).build().run(org.inventory, state);
    // THEN no refresh in account 1
    assertThat(keys.calls("refresh")).isNotEmpty().noneMatch(c -> c.id().contains("-" + ACCT1 + "-"));
    assertThat(report.nodes()).filteredOn(n -> n.id().contains("-" + ACCT1 + "-")).isNotEmpty()
        .allMatch(n -> n.outcome() == Outcome.SKIPPED);
  }

  @Test
  void should_read_the_account_lists_from_a_file_and_from_config_set() throws IOException {
    // GIVEN a file with a quoted id and an unquoted one that starts with 0
    Path file = dir.resolve("worker.yaml");
    Files.writeString(file, """
        worker:
          cleanup_accounts: ["123456789012", 012345678901]
          cleanup_exclude_accounts: [999999999999]
        """);
    // WHEN
    CleanupConfig config = CleanupConfig.load(file);
    // THEN
    assertThat(config.accounts()).containsExactly("012345678901", "123456789012");
    assertThat(config.excludeAccounts()).containsExactly("999999999999");
    assertThat(config.allowsAccount("123456789012")).isTrue();
    assertThat(config.allowsAccount("555555555555")).isFalse();
    assertThat(config.allowsAccount(null)).isFalse();
    assertThat(config).hasToString("cleanup=false, cleanup_dry_run=true, cleanup_pool_size=16, "
        + "cleanup_max_resources=none, cleanup_accounts=012345678901,123456789012, cleanup_exclude_accounts=999999999999");
    // AND config set replaces a list, and none empties it
    CleanupConfig set = config.with("cleanup_accounts", "111111111111, 222222222222").with("cleanup_exclude_accounts", "none");
    assertThat(set.accounts()).containsExactly("111111111111", "222222222222");
    assertThat(set.excludeAccounts()).isEmpty();
    assertThat(set.allowsAccount("999999999999")).isFalse();
    assertThat(set.with("cleanup_accounts", "").allowsAccount("999999999999")).isTrue();
  }

  @Test
  void should_name_the_file_line_and_column_of_a_bad_account_id() throws IOException {
    // GIVEN
    Path file = dir.resolve("worker.yaml");
    Files.writeString(file, """
        worker:
          cleanup_accounts:
            - "123456789012"
            - "1234 5678"
        """);
    // WHEN
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> CleanupConfig.load(file));
    // THEN
    assertThat(e).hasMessageContaining("worker.yaml:4:7")
        .hasMessageContaining("expected an account id without commas or spaces, got \"1234 5678\"");
    // AND a list that is not a list, and config set with an empty item, are errors too
    Files.writeString(file, "worker:\n  cleanup_exclude_accounts: true\n");
    assertThat(catchThrowableOfType(ConfigException.class, () -> CleanupConfig.load(file)))
        .hasMessageContaining("worker.yaml:2:29").hasMessageContaining("expected a list, got");
    assertThat(catchThrowableOfType(ConfigException.class,
        () -> CleanupConfig.defaults().with("cleanup_accounts", "111111111111,,2")))
        .hasMessageContaining("cleanup_accounts").hasMessageContaining("got \"\"");
  }
}
