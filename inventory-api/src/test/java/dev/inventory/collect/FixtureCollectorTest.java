package dev.inventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.BaseKinds;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.fixture.FixtureException;
import dev.inventory.fixture.FixtureFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCollectorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static Inventory users(String... names) {
    Inventory.Builder b = Inventory.builder();
    for (String name : names) {
      b.add(GenericResource.builder("user-" + name, BaseKinds.USER).name(name).build());
    }
    return b.build();
  }

  @Test
  void should_reread_the_fixture_file_on_every_collect() {
    // GIVEN a fixture file with one user
    Path file = dir.resolve("org.ndjson");
    FixtureFormat.write(users("alice"), file);
    FixtureCollector collector = FixtureCollector.ofFile(file);
    CollectResult first = collector.collect(CollectContext.of(CLOCK));
    // WHEN the file changes and the collector collects again
    FixtureFormat.write(users("alice", "bob"), file);
    CollectResult second = collector.collect(CollectContext.of(CLOCK));
    // THEN each collect saw the file as it was
    assertThat(first.inventory().nodes()).extracting(r -> r.name().orElseThrow()).containsExactly("alice");
    assertThat(second.inventory().nodes()).extracting(r -> r.name().orElseThrow()).containsExactly("alice", "bob");
    assertThat(second.errors()).isEmpty();
  }

  @Test
  void should_rerun_the_fixture_builder_on_every_collect() {
    // GIVEN a builder that makes a new user each time
    AtomicInteger calls = new AtomicInteger();
    FixtureCollector collector = FixtureCollector.of(() -> users("u" + calls.incrementAndGet()));
    // WHEN collecting twice
    Inventory first = collector.collect(CollectContext.of(CLOCK)).inventory();
    Inventory second = collector.collect(CollectContext.of(CLOCK)).inventory();
    // THEN the builder ran each time
    assertThat(calls).hasValue(2);
    assertThat(first.contains("user-u1")).isTrue();
    assertThat(second.contains("user-u2")).isTrue();
  }

  @Test
  void should_report_progress_with_the_source_and_the_context_clock() {
    // GIVEN a context that records progress
    List<CollectProgress> events = new ArrayList<>();
    CollectContext context = new CollectContext("run-1", CLOCK, events::add);
    // WHEN a named fixture is collected
    FixtureCollector.of("demo", () -> users("alice", "bob")).collect(context);
    // THEN progress names the run, the source and the counts
    assertThat(events).extracting(CollectProgress::message).containsExactly("loading", "2 nodes, 0 edges");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.runId()).isEqualTo("run-1");
      assertThat(e.source()).isEqualTo("demo");
      assertThat(e.time()).isEqualTo(CLOCK.instant());
      assertThat(e.counted()).isFalse();
    });
  }

  @Test
  void should_not_fail_the_collect_when_a_progress_listener_throws() {
    // GIVEN a progress listener that always throws
    CollectContext context = CollectContext.of(CLOCK, p -> {
      throw new IllegalStateException("display broken");
    });
    // WHEN collecting
    CollectResult result = FixtureCollector.of(() -> users("alice")).collect(context);
    // THEN the snapshot is still produced
    assertThat(result.inventory().size()).isEqualTo(1);
  }

  @Test
  void should_throw_the_reader_error_for_a_broken_fixture_file() throws Exception {
    // GIVEN a file that is not the graph format
    Path file = dir.resolve("broken.ndjson");
    Files.writeString(file, "{not json\n");
    // WHEN / THEN collecting fails with the reader's error naming the line
    assertThatThrownBy(() -> FixtureCollector.ofFile(file).collect(CollectContext.of(CLOCK)))
        .isInstanceOf(FixtureException.class)
        .hasMessageContaining("broken.ndjson:1:");
  }

  @Test
  void should_keep_source_errors_immutable_and_say_whether_there_are_any() {
    // GIVEN a mutable list of errors
    List<SourceError> errors = new ArrayList<>(List.of(new SourceError("aws:1", "AccessDenied", "denied")));
    // WHEN a result is made from it and the list changes afterwards
    CollectResult result = new CollectResult(users(), errors);
    errors.clear();
    // THEN the result kept its copy
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.errors()).containsExactly(new SourceError("aws:1", "AccessDenied", "denied"));
    assertThat(result.errors().get(0)).hasToString("aws:1: AccessDenied: denied");
    assertThat(CollectResult.of(users()).hasErrors()).isFalse();
  }
}
