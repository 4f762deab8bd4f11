package dev.inventory.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cleaners and selection checks: explicit registration, ServiceLoader discovery, clashes, strategies. */
class CleanerRegistrationTest {
  @TempDir
  Path dir;

  /** A class loader that sees service files listing {@code cleaners} and {@code checks}. */
  private ClassLoader services(List<Class<?>> cleaners, List<Class<?>> checks) throws IOException {
    Path meta = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.write(meta.resolve(Cleaner.class.getName()), cleaners.stream().map(Class::getName).toList());
    Files.write(meta.resolve(SelectionCheck.class.getName()), checks.stream().map(Class::getName).toList());
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void should_fail_the_build_naming_both_when_two_cleaners_are_registered_for_one_kind() {
    // GIVEN
    CleanupExecutor.Builder builder = CleanupExecutor.builder().withoutDiscovery()
        .cleaner(new RecordingCleaner(TestKey.KIND)).cleaner(StateOnlyCleaner.forKind(TestKey.KIND));
    // WHEN / THEN
    assertThatThrownBy(builder::build).isInstanceOf(CleanupException.class)
        .hasMessage("two cleaners for kind 'test_access_key' registered on the executor's builder: "
            + "dev.inventory.cleanup.RecordingCleaner and dev.inventory.cleanup.StateOnlyCleaner; register exactly one per kind");
  }

  @Test
  void should_fail_the_build_naming_both_when_two_discovered_cleaners_claim_one_kind() throws IOException {
    // GIVEN
    ClassLoader loader = services(List.of(DiscoverableServices.KeyCleanerA.class, DiscoverableServices.KeyCleanerB.class), List.of());
    // WHEN / THEN
    assertThatThrownBy(() -> CleanupExecutor.builder().classLoader(loader).build()).isInstanceOf(CleanupException.class)
        .hasMessage("two cleaners for kind 'test_access_key' found with ServiceLoader: "
            + "dev.inventory.cleanup.DiscoverableServices$KeyCleanerA and dev.inventory.cleanup.DiscoverableServices$KeyCleanerB; "
            + "register exactly one per kind");
  }

  @Test
  void should_prefer_an_explicit_cleaner_over_discovered_ones_of_the_same_kind() throws IOException {
    // GIVEN two discovered key cleaners, and one registered on the builder
    ClassLoader loader = services(List.of(DiscoverableServices.KeyCleanerA.class, DiscoverableServices.KeyCleanerB.class),
        List.of(DiscoverableServices.CheckA.class));
    TestOrg org = TestOrg.build();
    StateStore state = StateStore.inMemory();
    org.mark(state);
    RecordingCleaner explicit = new RecordingCleaner(TestKey.KIND).holding(org.keys);
    // WHEN
    CleanupReport report = CleanupExecutor.builder().classLoader(loader).cleaner(explicit)
        .config(CleanupExecutorTest.REAL).build().run(org.inventory, state);
    // THEN the explicit cleaner did the work, with the discovered selection check
    assertThat(report.count(Outcome.CLEANED)).isEqualTo(26);
    assertThat(explicit.calls("delete")).hasSize(26);
  }

  @Test
  void should_use_a_cleaner_and_a_selection_check_found_with_service_loader() throws IOException {
    // GIVEN one discovered key cleaner (every key gone) and one discovered selection check
    ClassLoader loader = services(List.of(DiscoverableServices.KeyCleanerA.class), List.of(DiscoverableServices.CheckA.class));
    TestOrg org = TestOrg.build();
    StateStore state = StateStore.inMemory();
    org.mark(state);
    // WHEN
    CleanupReport report = CleanupExecutor.builder().classLoader(loader).config(CleanupExecutorTest.REAL).build()
        .run(org.inventory, state);
    // THEN
    assertThat(report.count(Outcome.ALREADY_GONE)).isEqualTo(26);
  }

  @Test
  void should_fail_the_build_naming_both_when_two_selection_checks_are_discovered_unless_one_is_explicit() throws IOException {
    // GIVEN
    ClassLoader loader = services(List.of(), List.of(DiscoverableServices.CheckA.class, DiscoverableServices.CheckB.class));
    // WHEN / THEN
    assertThatThrownBy(() -> CleanupExecutor.builder().classLoader(loader).build()).isInstanceOf(CleanupException.class)
        .hasMessage("two selection checks found with ServiceLoader: dev.inventory.cleanup.DiscoverableServices$CheckA and "
            + "dev.inventory.cleanup.DiscoverableServices$CheckB; register one on the executor's builder to choose");
    assertThat(CleanupExecutor.builder().classLoader(loader).selectionCheck((q, r, s, n) -> false).build()).isNotNull();
  }

  @Test
  void should_fail_the_build_for_a_strategy_the_cleaner_does_not_list_or_a_kind_without_cleaner() {
    // GIVEN a cleaner that only deletes
    CleanupExecutor.Builder unsupported = CleanupExecutor.builder().withoutDiscovery()
        .cleaner(new RecordingCleaner(TestKey.KIND)).strategy(TestKey.KIND, CleanupStrategy.deactivateThenDelete());
    CleanupExecutor.Builder noCleaner = CleanupExecutor.builder().withoutDiscovery()
        .strategy("user", CleanupStrategy.delete());
    // WHEN / THEN
    assertThatThrownBy(unsupported::build).isInstanceOf(CleanupException.class).hasMessage(
        "strategy deactivate_then_delete chosen for kind 'test_access_key', but its cleaner "
            + "dev.inventory.cleanup.RecordingCleaner supports only [delete]");
    assertThatThrownBy(noCleaner::build).isInstanceOf(CleanupException.class)
        .hasMessage("strategy delete chosen for kind 'user', which has no cleaner");
  }
}
