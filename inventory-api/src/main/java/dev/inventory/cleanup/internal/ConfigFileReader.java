package dev.inventory.cleanup.internal;

import dev.inventory.cleanup.CleanupConfig;
import dev.inventory.config.ConfigFile;
import dev.inventory.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the {@code worker} section of a {@link ConfigFile} into a {@link CleanupConfig}. */
public final class ConfigFileReader {
  private ConfigFileReader() {}

  /**
   * The configuration in the file's {@code worker} section, keys it does not set keeping {@code
   * defaults}; sections are not checked here.
   *
   * @param file the file, already read
   * @param defaults the values of keys the section does not set
   * @return the configuration
   */
  public static CleanupConfig read(ConfigFile file, CleanupConfig defaults) {
    CleanupConfig.Builder b = defaults.toBuilder();
    ConfigValue worker = file.section(CleanupConfig.SECTION).orElse(null);
    if (worker == null || worker.isNull()) {
      return b.build(); // no section, or "worker:" with nothing below it
    }
    worker.checkKeys(CleanupConfig.KEYS);
    for (Map.Entry<String, ConfigValue> e : worker.fields().entrySet()) {
      ConfigValue v = e.getValue();
      switch (e.getKey()) {
        case CleanupConfig.CLEANUP -> b.cleanup(v.asBoolean());
        case CleanupConfig.CLEANUP_DRY_RUN -> b.dryRun(v.asBoolean());
        case CleanupConfig.CLEANUP_POOL_SIZE -> b.poolSize(v.asInt(1, "an integer of at least 1"));
        case CleanupConfig.CLEANUP_MAX_RESOURCES -> {
          if (v.isNull()) {
            b.noMaxResources();
          } else {
            b.maxResources(v.asInt(0, "an integer of at least 0 or null"));
          }
        }
        case CleanupConfig.CLEANUP_ACCOUNTS -> b.accounts(ids(v));
        case CleanupConfig.CLEANUP_EXCLUDE_ACCOUNTS -> b.excludeAccounts(ids(v));
        default -> throw new IllegalStateException(e.getKey()); // checkKeys let only KEYS through
      }
    }
    return b.build();
  }

  /** A list of account ids; null for none. */
  private static List<String> ids(ConfigValue v) {
    if (v.isNull()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (ConfigValue item : v.items()) {
      String id = item.asText();
      if (!CleanupConfig.isAccountId(id)) {
        throw item.error("expected an account id without commas or spaces, got \"" + id + "\"");
      }
      ids.add(id);
    }
    return ids;
  }
}
