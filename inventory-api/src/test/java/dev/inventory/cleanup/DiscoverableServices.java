package dev.inventory.cleanup;

import dev.inventory.Resource;
import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import java.time.Instant;
import java.util.Optional;

/** Service implementations that {@link CleanerRegistrationTest} lists in generated service files. */
public final class DiscoverableServices {
  private DiscoverableServices() {}

  /** A key cleaner that refreshes nothing (every key is gone). */
  public static class KeyCleanerA implements Cleaner {
    @Override
    public String kind() {
      return TestKey.KIND;
    }

    @Override
    public Optional<Resource> refresh(Resource resource, CleanupContext context) {
      return Optional.empty();
    }

    @Override
    public void delete(Resource resource, CleanupContext context) {
      throw new AssertionError("never called: every key is gone at refresh");
    }
  }

  /** A second key cleaner, to clash with the first. */
  public static class KeyCleanerB extends KeyCleanerA {}

  /** A selection check that selects everything. */
  public static class CheckA implements SelectionCheck {
    @Override
    public boolean stillSelected(String queryText, Resource refreshed, dev.inventory.Inventory snapshot, Instant now) {
      return true;
    }
  }

  /** A second selection check, to clash with the first. */
  public static class CheckB extends CheckA {}
}
