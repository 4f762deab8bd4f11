package dev.inventory.cleanup;

import dev.inventory.cleanup.internal.ConfigFileReader;
import dev.inventory.Suggestions;
import dev.inventory.config.ConfigFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * How cleanup runs: the keys of the {@code worker} section of Fix Inventory's worker configuration.
 * Immutable; the defaults are the safe choice (cleanup off, dry run on).
 *
 * <table>
 *   <caption>keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code cleanup}</td><td>{@code false}</td><td>run cleanup at the workflow's cleanup
 *       step; while false, an executor refuses every run that is not a dry run ({@link
 *       CleanupRefusedException}) and the workflow skips its cleanup step</td></tr>
 *   <tr><td>{@code cleanup_dry_run}</td><td>{@code true}</td><td>plan and report, call nothing
 *       that changes the cloud</td></tr>
 *   <tr><td>{@code cleanup_pool_size}</td><td>{@code 16}</td><td>threads per pass, at least 1</td></tr>
 *   <tr><td>{@code cleanup_max_resources}</td><td>none</td><td>refuse the whole run if the plan
 *       has more nodes, before any cleaner call (a dry run reports every node as skipped with the
 *       reason); at least 0</td></tr>
 *   <tr><td>{@code cleanup_accounts}</td><td>none (every account)</td><td>the only accounts
 *       (by id) whose resources a run may clean; a planned node in another account, or in none, is
 *       {@code skipped} with the reason before any call, refresh included</td></tr>
 *   <tr><td>{@code cleanup_exclude_accounts}</td><td>none</td><td>accounts (by id) whose
 *       resources are never cleaned, skipped as above; wins over {@code cleanup_accounts}</td></tr>
 * </table>
 *
 * <p>The account of a node is its nearest ancestor of kind {@code account} over {@code default}
 * edges. In a file the account lists are lists of ids (strings or unquoted numbers); {@code config
 * set} takes them comma-separated, and {@code none} empties a list.
 *
 * <pre>{@code
 * CleanupConfig config = CleanupConfig.builder().cleanup(true).dryRun(false).poolSize(16).build();
 * CleanupConfig fromFile = CleanupConfig.load(Path.of("worker.yaml"));
 * CleanupConfig changed = fromFile.with("cleanup_dry_run", "false");   // config set worker ...
 * }</pre>
 *
 * A file holds the keys in a {@code worker} section; any other top-level section is an error
 * unless the caller names it ({@link #load(Path, Collection)}):
 *
 * <pre>
 * worker:
 *   cleanup: true
 *   cleanup_dry_run: false
 *   cleanup_pool_size: 16
 *   cleanup_accounts: ["123456789012", "210987654321"]
 *   cleanup_exclude_accounts: ["999999999999"]
 * </pre>
 *
 * @param cleanup whether cleanup is enabled
 * @param dryRun whether runs only plan and report
 * @param poolSize threads per pass, at least 1
 * @param maxResources the largest plan a run accepts, if capped (at least 0)
 * @param accounts the only account ids a run may clean in; empty for every account
 * @param excludeAccounts the account ids a run never cleans in
 */
public record CleanupConfig(boolean cleanup, boolean dryRun, int poolSize, OptionalInt maxResources,
    Set<String> accounts, Set<String> excludeAccounts) {

  /** The key {@code cleanup}. */
  public static final String CLEANUP = "cleanup";
  /** The key {@code cleanup_dry_run}. */
  public static final String CLEANUP_DRY_RUN = "cleanup_dry_run";
  /** The key {@code cleanup_pool_size}. */
  public static final String CLEANUP_POOL_SIZE = "cleanup_pool_size";
  /** The key {@code cleanup_max_resources}. */
  public static final String CLEANUP_MAX_RESOURCES = "cleanup_max_resources";
  /** The key {@code cleanup_accounts}. */
  public static final String CLEANUP_ACCOUNTS = "cleanup_accounts";
  /** The key {@code cleanup_exclude_accounts}. */
  public static final String CLEANUP_EXCLUDE_ACCOUNTS = "cleanup_exclude_accounts";
  /** Every key, in documentation order. */
  public static final List<String> KEYS = List.of(CLEANUP, CLEANUP_DRY_RUN, CLEANUP_POOL_SIZE, CLEANUP_MAX_RESOURCES,
      CLEANUP_ACCOUNTS, CLEANUP_EXCLUDE_ACCOUNTS);
  /** The section of a configuration file that holds the keys. */
  public static final String SECTION = "worker";

  private static final CleanupConfig DEFAULTS = new CleanupConfig(false, true, 16, OptionalInt.empty());

  /**
   * A configuration; every value is checked.
   *
   * @param cleanup whether cleanup runs at all
   * @param dryRun whether a run only reports what it would do
   * @param poolSize threads per pass, at least 1
   * @param maxResources the largest plan a run accepts, or empty for no cap
   * @param accounts the only accounts a run may clean in ({@code cleanup_accounts}); empty for all
   * @param excludeAccounts the accounts a run never cleans in ({@code cleanup_exclude_accounts})
   * @throws ConfigException naming the key, for a pool size below 1, a negative maximum, or an
   *     account id that is blank or holds a comma or white space
   */
  public CleanupConfig {
    Objects.requireNonNull(maxResources, "maxResources");
    accounts = accountSet(CLEANUP_ACCOUNTS, accounts);
    excludeAccounts = accountSet(CLEANUP_EXCLUDE_ACCOUNTS, excludeAccounts);
    if (poolSize < 1) {
      throw new ConfigException(CLEANUP_POOL_SIZE, null, 0, 0, "expected an integer of at least 1, got " + poolSize, null);
    }
    if (maxResources.isPresent() && maxResources.getAsInt() < 0) {
      throw new ConfigException(CLEANUP_MAX_RESOURCES, null, 0, 0,
          "expected an integer of at least 0 or none, got " + maxResources.getAsInt(), null);
    }
  }

  /**
   * A configuration without account guards.
   *
   * @param cleanup whether cleanup is enabled
   * @param dryRun whether runs only plan and report
   * @param poolSize threads per pass, at least 1
   * @param maxResources the largest plan a run accepts, if capped (at least 0)
   * @throws ConfigException as the canonical constructor
   */
  public CleanupConfig(boolean cleanup, boolean dryRun, int poolSize, OptionalInt maxResources) {
    this(cleanup, dryRun, poolSize, maxResources, Set.of(), Set.of());
  }

  private static Set<String> accountSet(String key, Set<String> ids) {
    Objects.requireNonNull(ids, key);
    TreeSet<String> sorted = new TreeSet<>();
    for (String id : ids) {
      if (!isAccountId(id)) {
        throw new ConfigException(key, null, 0, 0, "expected account ids without commas or spaces, got \""
            + id + "\"", null);
      }
      sorted.add(id);
    }
    return Collections.unmodifiableSet(sorted);
  }

  /**
   * Whether text can stand in an account list: not blank, no comma, no white space (ids are not
   * checked for AWS's 12 digits, as other clouds name accounts otherwise).
   *
   * @param id the text
   * @return true when it can
   */
  public static boolean isAccountId(String id) {
    return id != null && !id.isBlank() && id.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c));
  }

  /**
   * Whether the account guards let a run clean in an account: not in {@code
   * cleanup_exclude_accounts}, and in {@code cleanup_accounts} when that is set.
   *
   * @param accountId the account id, or null for a node in no account
   * @return true when the run may clean there
   */
  public boolean allowsAccount(String accountId) {
    if (accountId == null) {
      return accounts.isEmpty();
    }
    return !excludeAccounts.contains(accountId) && (accounts.isEmpty() || accounts.contains(accountId));
  }

  /**
   * Why the account guards keep a run out of an account, if they do, naming the key.
   *
   * @param accountId the account id, or null for a node in no account
   * @return the reason, empty when {@link #allowsAccount(String)}
   */
  public Optional<String> accountRefusal(String accountId) {
    if (accountId == null) {
      return accounts.isEmpty() ? Optional.empty()
          : Optional.of("in no account, and " + CLEANUP_ACCOUNTS + " allows only " + String.join(", ", accounts));
    }
    if (excludeAccounts.contains(accountId)) {
      return Optional.of("account " + accountId + " is in " + CLEANUP_EXCLUDE_ACCOUNTS);
    }
    if (!accounts.isEmpty() && !accounts.contains(accountId)) {
      return Optional.of("account " + accountId + " is not in " + CLEANUP_ACCOUNTS + " ("
          + String.join(", ", accounts) + ")");
    }
    return Optional.empty();
  }

  /**
   * The defaults: cleanup off, dry run on, 16 threads, no cap.
   *
   * @return the default configuration
   */
  public static CleanupConfig defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * A builder starting from this configuration.
   *
   * @return a builder holding this configuration's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * This configuration with only {@code cleanup_dry_run} changed, as a shell's {@code --dry-run}
   * or {@code --no-dry-run} option asks: every other key, {@code cleanup} and {@code
   * cleanup_max_resources} among them, keeps its value, so the option can never enable a cleanup
   * that the configuration disables.
   *
   * @param dryRun whether the run only plans and reports
   * @return the changed copy (this configuration when nothing changes)
   */
  public CleanupConfig withDryRun(boolean dryRun) {
    return dryRun == this.dryRun ? this
        : new CleanupConfig(cleanup, dryRun, poolSize, maxResources, accounts, excludeAccounts);
  }

  /**
   * Reads the {@code worker} section of a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json})
   * file; keys it does not set keep their defaults, and a file without the section gives the
   * defaults. The file may hold no other section: a misspelled {@code workr:} would otherwise be
   * ignored silently, and cleanup would run with the defaults. A file shared with other readers
   * names their sections with {@link #load(Path, Collection)}.
   *
   * @param file the configuration file
   * @return the configuration
   * @throws ConfigException naming the file, the line and column and the key, for an unknown
   *     section or key (with the closest known name), a value of the wrong type or out of range, a
   *     duplicate key, text that is not YAML or JSON, or a file that cannot be read
   */
  public static CleanupConfig load(Path file) {
    return load(file, List.of());
  }

  /**
   * As {@link #load(Path)}, for a file that also holds sections for other readers.
   *
   * @param file the configuration file
   * @param otherSections the other sections the file may hold besides {@code worker}
   * @return the configuration
   * @throws ConfigException as {@link #load(Path)}
   */
  public static CleanupConfig load(Path file, Collection<String> otherSections) {
    ConfigFile config = ConfigFile.read(Objects.requireNonNull(file, "file"));
    List<String> known = new ArrayList<>();
    known.add(SECTION);
    known.addAll(otherSections);
    config.checkSections(known);
    return from(config);
  }

  /**
   * The {@code worker} section of a configuration file that was already read (its sections are not
   * checked here: {@link ConfigFile#checkSections(Collection)} does that).
   *
   * @param file the file
   * @return the configuration
   * @throws ConfigException for an unknown key or a value of the wrong type or out of range
   */
  public static CleanupConfig from(ConfigFile file) {
    return ConfigFileReader.read(Objects.requireNonNull(file, "file"), DEFAULTS);
  }

  /**
   * This configuration with one key set from text, as a shell's {@code config set worker
   * cleanup=true} gives it: {@code true}/{@code false} for the flags, a decimal integer for the
   * numbers, {@code none} (or {@code null}) to remove the cap, and comma-separated ids for the
   * account lists ({@code none} or nothing empties one).
   *
   * @param key the key, for example {@code cleanup} or {@code cleanup_pool_size}
   * @param value the value as text
   * @return the changed configuration
   * @throws ConfigException naming the key, for an unknown key or a value of the wrong type or out
   *     of range
   */
  public CleanupConfig with(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    String v = value.trim();
    return switch (key) {
      case CLEANUP -> toBuilder().cleanup(parseFlag(key, v)).build();
      case CLEANUP_DRY_RUN -> toBuilder().dryRun(parseFlag(key, v)).build();
      case CLEANUP_POOL_SIZE -> toBuilder().poolSize(parseInt(key, v, 1, "an integer of at least 1")).build();
      case CLEANUP_MAX_RESOURCES -> v.equals("none") || v.equals("null")
          ? toBuilder().noMaxResources().build()
          : toBuilder().maxResources(parseInt(key, v, 0, "an integer of at least 0 or none")).build();
      case CLEANUP_ACCOUNTS -> toBuilder().accounts(parseIds(v)).build();
      case CLEANUP_EXCLUDE_ACCOUNTS -> toBuilder().excludeAccounts(parseIds(v)).build();
      default -> throw new ConfigException(key, null, 0, 0,
          "unknown key in section " + SECTION + Suggestions.didYouMean(key, KEYS) + "; known keys: "
              + String.join(", ", KEYS), null);
    };
  }

  private static List<String> parseIds(String v) {
    if (v.isEmpty() || v.equals("none") || v.equals("null")) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      ids.add(part.trim());
    }
    return ids;
  }

  private static boolean parseFlag(String key, String v) {
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, null, 0, 0, "expected true or false, got \"" + v + "\"", null);
    };
  }

  private static int parseInt(String key, String v, int min, String expected) {
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, null, 0, 0, "expected " + expected + ", got \"" + v + "\"", null);
    }
    if (n < min) {
      throw new ConfigException(key, null, 0, 0, "expected " + expected + ", got " + n, null);
    }
    return n;
  }

  /**
   * The keys as a {@code worker} section would hold them, for example {@code cleanup=false, ...};
   * the account lists only when set.
   */
  @Override
  public String toString() {
    return CLEANUP + "=" + cleanup + ", " + CLEANUP_DRY_RUN + "=" + dryRun + ", " + CLEANUP_POOL_SIZE + "=" + poolSize
        + ", " + CLEANUP_MAX_RESOURCES + "=" + (maxResources.isPresent() ? String.valueOf(maxResources.getAsInt()) : "none")
        + ids(CLEANUP_ACCOUNTS, accounts) + ids(CLEANUP_EXCLUDE_ACCOUNTS, excludeAccounts);
  }

  /** An account list for {@link #toString()}, left out while empty (as most configurations have it). */
  private static String ids(String key, Set<String> ids) {
    return ids.isEmpty() ? "" : ", " + key + "=" + String.join(",", ids);
  }

  /** Builds a {@link CleanupConfig}; {@link #build()} validates. */
  public static final class Builder {
    private boolean cleanup;
    private boolean dryRun;
    private int poolSize;
    private OptionalInt maxResources;
    private final List<String> accounts = new ArrayList<>();
    private final List<String> excludeAccounts = new ArrayList<>();

    private Builder(CleanupConfig from) {
      this.accounts.addAll(from.accounts);
      this.excludeAccounts.addAll(from.excludeAccounts);
      this.cleanup = from.cleanup;
      this.dryRun = from.dryRun;
      this.poolSize = from.poolSize;
      this.maxResources = from.maxResources;
    }

    /**
     * Enables or disables cleanup ({@code cleanup}).
     *
     * @param cleanup whether cleanup runs
     * @return this builder
     */
    public Builder cleanup(boolean cleanup) {
      this.cleanup = cleanup;
      return this;
    }

    /**
     * Turns dry run on or off ({@code cleanup_dry_run}).
     *
     * @param dryRun whether runs are dry runs
     * @return this builder
     */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /**
     * Threads per pass ({@code cleanup_pool_size}), at least 1.
     *
     * @param poolSize threads per pass
     * @return this builder
     */
    public Builder poolSize(int poolSize) {
      this.poolSize = poolSize;
      return this;
    }

    /**
     * Caps the plan size ({@code cleanup_max_resources}), at least 0.
     *
     * @param maxResources the largest plan accepted
     * @return this builder
     */
    public Builder maxResources(int maxResources) {
      this.maxResources = OptionalInt.of(maxResources);
      return this;
    }

    /**
     * Removes the cap.
     *
     * @return this builder
     */
    public Builder noMaxResources() {
      this.maxResources = OptionalInt.empty();
      return this;
    }

    /**
     * The only accounts a run may clean in ({@code cleanup_accounts}); replaces the list, and an
     * empty one allows every account.
     *
     * @param ids account ids
     * @return this builder
     */
    public Builder accounts(Collection<String> ids) {
      accounts.clear();
      accounts.addAll(ids);
      return this;
    }

    /**
     * Accounts a run never cleans in ({@code cleanup_exclude_accounts}); replaces the list.
     *
     * @param ids account ids
     * @return this builder
     */
    public Builder excludeAccounts(Collection<String> ids) {
      excludeAccounts.clear();
      excludeAccounts.addAll(ids);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws ConfigException naming the key, for a value out of range
     */
    public CleanupConfig build() {
      return new CleanupConfig(cleanup, dryRun, poolSize, maxResources, new HashSet<>(accounts),
          new HashSet<>(excludeAccounts));
    }
  }
}
