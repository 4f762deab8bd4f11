package dev.inventory.collect;

import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.spi.Collector;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link Collector} without a cloud: each collect re-reads a fixture file ({@link
 * FixtureFormat#read}) or re-runs a fixture builder, so that workflows, jobs and cleanup policies
 * run offline. A file's {@code desired} and {@code metadata} sections are not applied: marks live
 * in the workflow's {@link dev.inventory.state.StateStore}, which a collect never changes (load a
 * fixture's state with {@link dev.inventory.fixture.Fixture#loadStateInto} when a test needs it).
 *
 * <pre>{@code
 * Collector fromFile = FixtureCollector.ofFile(Path.of("demo-org.ndjson"));
 * Collector fromBuilder = FixtureCollector.of(() -> Fixtures.aws(clock).account(...).build());
 * }</pre>
 */
public final class FixtureCollector implements Collector {
  private final String source;
  private final Supplier<Inventory> load;

  private FixtureCollector(String source, Supplier<Inventory> load) {
    this.source = source;
    this.load = load;
  }

  /**
   * Re-reads {@code file} with the standard kinds on every collect; a file that cannot be read or
   * is not valid makes the collect throw the reader's {@link dev.inventory.fixture.FixtureException}.
   *
   * @param file the fixture file
   * @return the collector
   */
  public static FixtureCollector ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new FixtureCollector("fixture:" + file, () -> FixtureFormat.read(file).inventory());
  }

  /**
   * Re-reads {@code file} with {@code kinds} on every collect.
   *
   * @param file the fixture file
   * @param kinds the kinds to read it with
   * @return the collector
   */
  public static FixtureCollector ofFile(Path file, KindRegistry kinds) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(kinds, "kinds");
    return new FixtureCollector("fixture:" + file, () -> FixtureFormat.read(file, kinds).inventory());
  }

  /**
   * Calls {@code builder} on every collect; what it throws is what the collect throws.
   *
   * @param builder makes each snapshot
   * @return the collector
   */
  public static FixtureCollector of(Supplier<Inventory> builder) {
    return of("fixture", builder);
  }

  /**
   * Calls {@code builder} on every collect, reporting progress as {@code source}.
   *
   * @param source the source name for progress
   * @param builder makes each snapshot
   * @return the collector
   */
  public static FixtureCollector of(String source, Supplier<Inventory> builder) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(builder, "builder");
    return new FixtureCollector(source, () -> Objects.requireNonNull(builder.get(), "fixture builder returned null"));
  }

  /**
   * The source named in progress events, for example {@code fixture:demo-org.ndjson}.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  @Override
  public CollectResult collect(CollectContext context) {
    Objects.requireNonNull(context, "context");
    context.progress(source, "loading");
    Inventory inventory = load.get();
    context.progress(source, inventory.size() + " nodes, " + inventory.edgeCount() + " edges");
    return CollectResult.of(inventory);
  }

  @Override
  public String toString() {
    return "FixtureCollector(" + source + ")";
  }
}
