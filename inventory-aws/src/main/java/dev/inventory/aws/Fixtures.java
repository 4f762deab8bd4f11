package dev.inventory.aws;

import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.LastUse;
import dev.inventory.User;
import dev.inventory.Values;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Builds AWS inventories for tests of cleanup policies, with times relative to a fixed clock.
 *
 * <pre>{@code
 * import static dev.inventory.aws.Fixtures.*;
 *
 * Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
 * Inventory inv = Fixtures.aws(clock)
 *     .account("111111111111", "prod", a -> a
 *         .user("jenkins", u -> u
 *             .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120)))
 *             .accessKey(k -> k.neverUsed().created(daysAgo(500)).inactive()))   // id generated
 *         .user("nancy", u -> u.tag("team", "data").passwordLastUsed(daysAgo(3)))
 *         .rootUser(r -> r.accessKey(k -> k.lastUsed(daysAgo(10))))
 *         .group("admins")
 *         .role("deployer", r -> r.lastUsed(daysAgo(2))))
 *     .build();
 * }</pre>
 *
 * <p>The graph has the shape of a collect, so tests of a policy see what a real collect
 * gives: the {@code cloud} node {@code aws} -&gt;
 * {@link AwsAccount} -&gt; {@link AwsRegion} {@code global} (node id {@code <account>/global})
 * -&gt; users, root user, groups and roles -&gt; access keys, as {@code default} edges, and {@code
 * user -delete-> key} for every key.
 *
 * <p>Defaults are deterministic: keys are active, their use is <em>unknown</em> until one of
 * {@code lastUsed}, {@code neverUsed} is called, and they were created {@value #DEFAULT_KEY_AGE_DAYS}
 * days before the clock (users, groups and roles {@value #DEFAULT_PRINCIPAL_AGE_DAYS} days), or
 * earlier if a later event needs it. Ids not given are derived from account, user and position:
 * UserId {@code AIDA...}, GroupId {@code AGPA...}, RoleId {@code AROA...}, key id {@code AKIA} + 16
 * characters, unique across the inventory. Mistakes (a bad account id, a duplicate user name,
 * a key used before it was created) fail with {@link IllegalArgumentException} naming the culprit.
 */
public final class Fixtures {
  /** Age of a key whose creation time is not given. */
  public static final int DEFAULT_KEY_AGE_DAYS = 365;
  /** Age of a user, group or role whose creation time is not given. */
  public static final int DEFAULT_PRINCIPAL_AGE_DAYS = 730;

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
  private static final Pattern KEY_ID = Pattern.compile("\\w{16,128}");

  private Fixtures() {}

  /**
   * Starts an AWS inventory whose relative times ({@link #daysAgo(long)}, ...) count back from
   * {@code clock}.
   *
   * @param clock the clock that relative times count back from
   * @return a builder for the inventory
   */
  public static AwsBuilder aws(Clock clock) {
    return new AwsBuilder(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * {@code days} days before the builder's clock.
   *
   * @param days how many days back
   * @return the relative time
   */
  public static Ago daysAgo(long days) {
    return new Ago(Duration.ofDays(days));
  }

  /**
   * {@code hours} hours before the builder's clock.
   *
   * @param hours how many hours back
   * @return the relative time
   */
  public static Ago hoursAgo(long hours) {
    return new Ago(Duration.ofHours(hours));
  }

  /**
   * {@code duration} before the builder's clock.
   *
   * @param duration how far back
   * @return the relative time
   */
  public static Ago ago(Duration duration) {
    return new Ago(duration);
  }

  /**
   * A time relative to the fixture's clock, resolved when the inventory is built.
   *
   * <pre>{@code
   * Fixtures.daysAgo(90).before(Instant.parse("2026-04-01T00:00:00Z"));   // 2026-01-01T00:00:00Z
   * }</pre>
   *
   * @param duration how long before the clock; not negative
   */
  public record Ago(Duration duration) {
    /**
     * Checks that the duration is not negative.
     *
     * @param duration how far back, not negative
     */
    public Ago {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("a time ago cannot be negative, got " + duration);
      }
    }

    /**
     * The instant {@link #duration()} before {@code now}.
     *
     * @param now the instant to count back from
     * @return {@code now} minus the duration
     */
    public Instant before(Instant now) {
      return now.minus(duration);
    }
  }

  /** A time given either absolutely or relative to the clock. */
  private interface When {
    Instant at(Instant now);

    static When of(Ago ago) {
      Objects.requireNonNull(ago, "ago");
      return ago::before;
    }

    static When of(Instant instant) {
      Objects.requireNonNull(instant, "instant");
      return now -> instant;
    }
  }

  // ---- the cloud ----------------------------------------------------------------------------

  /**
   * Collects accounts and builds the inventory.
   *
   * <pre>{@code
   * Fixtures.aws(clock).account("111111111111", "prod", a -> a.user("ci")).build();
   * }</pre>
   */
  public static final class AwsBuilder {
    private final Clock clock;
    private final Map<String, AccountBuilder> accounts = new LinkedHashMap<>();
    private final Set<String> explicitKeyIds = new HashSet<>();

    private AwsBuilder(Clock clock) {
      this.clock = clock;
    }

    /**
     * Adds an account named by its alias.
     *
     * @param accountId the 12-digit account id
     * @param alias the account alias, its name
     * @param spec adds the account's users, groups and roles
     * @return this builder
     * @throws IllegalArgumentException for an id that is not 12 digits, or an account added twice
     */
    public AwsBuilder account(String accountId, String alias, Consumer<AccountBuilder> spec) {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(spec, "spec");
      if (!ACCOUNT_ID.matcher(accountId).matches()) {
        throw new IllegalArgumentException("an AWS account id has 12 digits, got '" + accountId + "'");
      }
      if (accounts.containsKey(accountId)) {
        throw new IllegalArgumentException("account " + accountId + " is already in this fixture");
      }
      AccountBuilder a = new AccountBuilder(this, accountId, alias);
      accounts.put(accountId, a);
      spec.accept(a);
      return this;
    }

    /**
     * Adds an account without an alias: its name is its id.
     *
     * @param accountId the 12-digit account id
     * @param spec adds the account's users, groups and roles
     * @return this builder
     */
    public AwsBuilder account(String accountId, Consumer<AccountBuilder> spec) {
      return account(accountId, accountId, spec);
    }

    /**
     * Builds the inventory, reading the clock once. Building again gives an equal inventory as long
     * as the clock has not moved.
     *
     * @return the inventory
     * @throws IllegalArgumentException for a key, user or role used before it was created
     */
    public Inventory build() {
      Instant now = clock.instant();
      Set<String> usedIds = new HashSet<>(explicitKeyIds);
      Inventory.Builder inv = Inventory.builder(KindRegistry.standard());
      inv.add(GenericResource.builder(CLOUD_ID, "cloud").name(CLOUD_ID).build());
      for (AccountBuilder a : accounts.values()) {
        a.addTo(inv, now, usedIds);
      }
      return inv.build();
    }

    private void claimKeyId(String id, String owner) {
      if (!explicitKeyIds.add(id)) {
        throw new IllegalArgumentException(
            "access key id " + id + " (of " + owner + ") is already used in this fixture");
      }
    }
  }

  /** Node id and name of the cloud node. */
  private static final String CLOUD_ID = "aws";

  // ---- account ------------------------------------------------------------------------------

  /**
   * Users, root user, groups and roles of one account.
   *
   * <pre>{@code
   * a -> a.user("ci").rootUser().group("admins").role("deployer", r -> r.lastUsed(daysAgo(2)))
   * }</pre>
   */
  public static final class AccountBuilder {
    private final AwsBuilder root;
    private final String accountId;
    private final String alias;
    private final Map<String, UserBuilder> users = new LinkedHashMap<>();
    private RootUserBuilder rootUser;
    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final Map<String, RoleBuilder> roles = new LinkedHashMap<>();

    private AccountBuilder(AwsBuilder root, String accountId, String alias) {
      this.root = root;
      this.accountId = accountId;
      this.alias = alias;
    }

    /**
     * Adds an IAM user.
     *
     * @param name the user name
     * @param spec sets the user's values and adds its keys
     * @return this builder
     * @throws IllegalArgumentException for an invalid name or a user name already in this account
     */
    public AccountBuilder user(String name, Consumer<UserBuilder> spec) {
      checkName("user", name);
      Objects.requireNonNull(spec, "spec");
      if (users.containsKey(name)) {
        throw new IllegalArgumentException("account " + accountId + " already has a user named '" + name + "'");
      }
      UserBuilder u = new UserBuilder(this, name);
      users.put(name, u);
      spec.accept(u);
      return this;
    }

    /**
     * Adds an IAM user with default values and no keys.
     *
     * @param name the user name
     * @return this builder
     */
    public AccountBuilder user(String name) {
      return user(name, u -> { });
    }

    /**
     * Adds the account's root user.
     *
     * @param spec sets the root user's values and adds its keys
     * @return this builder
     * @throws IllegalArgumentException when the account already has one
     */
    public AccountBuilder rootUser(Consumer<RootUserBuilder> spec) {
      Objects.requireNonNull(spec, "spec");
      if (rootUser != null) {
        throw new IllegalArgumentException("account " + accountId + " already has a root user");
      }
      rootUser = new RootUserBuilder(this);
      spec.accept(rootUser);
      return this;
    }

    /**
     * Adds the root user with default values and no keys.
     *
     * @return this builder
     */
    public AccountBuilder rootUser() {
      return rootUser(r -> { });
    }

    /**
     * Adds an IAM group.
     *
     * @param name the group name
     * @param spec sets the group's values
     * @return this builder
     */
    public AccountBuilder group(String name, Consumer<GroupBuilder> spec) {
      checkName("group", name);
      Objects.requireNonNull(spec, "spec");
      if (groups.containsKey(name)) {
        throw new IllegalArgumentException("account " + accountId + " already has a group named '" + name + "'");
      }
      GroupBuilder g = new GroupBuilder(name);
      groups.put(name, g);
      spec.accept(g);
      return this;
    }

    /**
     * Adds an IAM group with default values.
     *
     * @param name the group name
     * @return this builder
     */
    public AccountBuilder group(String name) {
      return group(name, g -> { });
    }

    /**
     * Adds an IAM role.
     *
     * @param name the role name
     * @param spec sets the role's values
     * @return this builder
     */
    public AccountBuilder role(String name, Consumer<RoleBuilder> spec) {
      checkName("role", name);
      Objects.requireNonNull(spec, "spec");
      if (roles.containsKey(name)) {
        throw new IllegalArgumentException("account " + accountId + " already has a role named '" + name + "'");
      }
      RoleBuilder r = new RoleBuilder(name);
      roles.put(name, r);
      spec.accept(r);
      return this;
    }

    /**
     * Adds an IAM role with default values.
     *
     * @param name the role name
     * @return this builder
     */
    public AccountBuilder role(String name) {
      return role(name, r -> { });
    }

    private void addTo(Inventory.Builder inv, Instant now, Set<String> usedIds) {
      String regionId = accountId + "/global";
      inv.add(AwsAccount.builder(accountId).name(alias).build());
      inv.add(AwsRegion.builder(regionId).name("global").build());
      inv.edge(CLOUD_ID, accountId);
      inv.edge(accountId, regionId);
      for (UserBuilder u : users.values()) {
        List<AwsIamAccessKey> keys = u.keys.resolve(accountId, u.name, now, usedIds);
        AwsIamUser user = u.resolve(accountId, now, keys, usedIds);
        addOwner(inv, regionId, user, keys);
      }
      if (rootUser != null) {
        List<AwsIamAccessKey> keys = rootUser.keys.resolve(accountId, AwsRootUser.NAME, now, usedIds);
        addOwner(inv, regionId, rootUser.resolve(accountId, now, keys), keys);
      }
      for (GroupBuilder g : groups.values()) {
        AwsIamGroup group = g.resolve(accountId, now, usedIds);
        inv.add(group);
        inv.edge(regionId, group.id());
      }
      for (RoleBuilder r : roles.values()) {
        AwsIamRole role = r.resolve(accountId, now, usedIds);
        inv.add(role);
        inv.edge(regionId, role.id());
      }
    }

    private static void addOwner(
        Inventory.Builder inv, String regionId, User owner, List<AwsIamAccessKey> keys) {
      inv.add(owner);
      inv.edge(regionId, owner.id());
      for (AwsIamAccessKey k : keys) {
        inv.add(k);
        inv.edge(owner.id(), k.id());
        // IAM refuses to delete a user that still has keys: the keys go first.
        inv.edge(owner.id(), k.id(), EdgeType.DELETE);
      }
    }
  }

  // ---- users --------------------------------------------------------------------------------

  /**
   * One IAM user: times, flags, tags, path and access keys.
   *
   * <pre>{@code
   * u -> u.path("/ci/").mfaActive(true).accessKey(k -> k.lastUsed(daysAgo(120)))
   * }</pre>
   */
  public static final class UserBuilder {
    private final String name;
    private final Keys keys;
    private When created;
    private When passwordLastUsed;
    private Boolean passwordEnabled;
    private boolean mfaActive;
    private String path = "/";
    private final Map<String, String> tags = new LinkedHashMap<>();

    private UserBuilder(AccountBuilder account, String name) {
      this.name = name;
      this.keys = new Keys(account, "user " + name);
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time, relative to the builder's clock
     * @return this builder
     */
    public UserBuilder created(Ago when) {
      created = When.of(when);
      return this;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time
     * @return this builder
     */
    public UserBuilder created(Instant when) {
      created = When.of(when);
      return this;
    }

    /**
     * When the console password was last used (the user's {@code atime}); enables the password.
     *
     * @param when the last use, relative to the builder's clock
     * @return this builder
     */
    public UserBuilder passwordLastUsed(Ago when) {
      passwordLastUsed = When.of(when);
      return this;
    }

    /**
     * When the console password was last used (the user's {@code atime}); enables the password.
     *
     * @param when the last use
     * @return this builder
     */
    public UserBuilder passwordLastUsed(Instant when) {
      passwordLastUsed = When.of(when);
      return this;
    }

    /**
     * Whether the user has a console password; by default only if {@code passwordLastUsed} is set.
     *
     * @param enabled whether a console password is set
     * @return this builder
     */
    public UserBuilder passwordEnabled(boolean enabled) {
      passwordEnabled = enabled;
      return this;
    }

    /**
     * Whether an MFA device is active (default false).
     *
     * @param active whether an MFA device is active
     * @return this builder
     */
    public UserBuilder mfaActive(boolean active) {
      mfaActive = active;
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the tag key
     * @param value the tag value
     * @return this builder
     */
    public UserBuilder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The IAM path (default {@code /}); it starts and ends with {@code /}.
     *
     * @param path the IAM path
     * @return this builder
     */
    public UserBuilder path(String path) {
      this.path = checkPath(path);
      return this;
    }

    /**
     * Adds a key with this AccessKeyId.
     *
     * @param accessKeyId the AccessKeyId
     * @param spec sets the key's values
     * @return this builder
     */
    public UserBuilder accessKey(String accessKeyId, Consumer<AccessKeyBuilder> spec) {
      keys.add(accessKeyId, spec);
      return this;
    }

    /**
     * Adds a key whose id is generated.
     *
     * @param spec sets the key's values
     * @return this builder
     */
    public UserBuilder accessKey(Consumer<AccessKeyBuilder> spec) {
      keys.add(null, spec);
      return this;
    }

    private AwsIamUser resolve(String accountId, Instant now, List<AwsIamAccessKey> keyList, Set<String> usedIds) {
      Instant lastUsed = passwordLastUsed == null ? null : passwordLastUsed.at(now);
      Instant ctime = creationTime(created, now, DEFAULT_PRINCIPAL_AGE_DAYS, lastUsed, keyList);
      checkOrder("user " + name + " in account " + accountId, ctime, lastUsed);
      return AwsIamUser.builder(FixtureIds.next("AIDA", 17, "user/" + accountId + "/" + name, usedIds))
          .name(name)
          .arn("arn:aws:iam::" + accountId + ":user" + path + name)
          .path(path)
          .ctime(ctime)
          .atime(lastUsed)
          .passwordEnabled(passwordEnabled != null ? passwordEnabled : lastUsed != null)
          .mfaActive(mfaActive)
          .tags(tags)
          .build();
    }
  }

  /** The account's root user: password use, flags and access keys. */
  public static final class RootUserBuilder {
    private final Keys keys;
    private When passwordLastUsed;
    private boolean passwordEnabled = true;
    private boolean mfaActive;

    private RootUserBuilder(AccountBuilder account) {
      this.keys = new Keys(account, "the root user");
    }

    /**
     * When the root password was last used (the root user's {@code atime}).
     *
     * @param when the last use, relative to the builder's clock
     * @return this builder
     */
    public RootUserBuilder passwordLastUsed(Ago when) {
      passwordLastUsed = When.of(when);
      return this;
    }

    /**
     * When the root password was last used (the root user's {@code atime}).
     *
     * @param when the last use
     * @return this builder
     */
    public RootUserBuilder passwordLastUsed(Instant when) {
      passwordLastUsed = When.of(when);
      return this;
    }

    /**
     * Whether the root user has a password (default true).
     *
     * @param enabled whether a password is set
     * @return this builder
     */
    public RootUserBuilder passwordEnabled(boolean enabled) {
      passwordEnabled = enabled;
      return this;
    }

    /**
     * Whether an MFA device is active (default false).
     *
     * @param active whether an MFA device is active
     * @return this builder
     */
    public RootUserBuilder mfaActive(boolean active) {
      mfaActive = active;
      return this;
    }

    /**
     * Adds a root key with this AccessKeyId.
     *
     * @param accessKeyId the AccessKeyId
     * @param spec sets the key's values
     * @return this builder
     */
    public RootUserBuilder accessKey(String accessKeyId, Consumer<AccessKeyBuilder> spec) {
      keys.add(accessKeyId, spec);
      return this;
    }

    /**
     * Adds a root key whose id is generated.
     *
     * @param spec sets the key's values
     * @return this builder
     */
    public RootUserBuilder accessKey(Consumer<AccessKeyBuilder> spec) {
      keys.add(null, spec);
      return this;
    }

    private AwsRootUser resolve(String accountId, Instant now, List<AwsIamAccessKey> keyList) {
      Instant lastUsed = passwordLastUsed == null ? null : passwordLastUsed.at(now);
      return AwsRootUser.forAccount(accountId)
          .ctime(creationTime(null, now, DEFAULT_PRINCIPAL_AGE_DAYS, lastUsed, keyList))
          .atime(lastUsed)
          .passwordEnabled(passwordEnabled)
          .mfaActive(mfaActive)
          .build();
    }
  }

  /** The access keys of one user, in the order they were added. */
  private static final class Keys {
    private final AccountBuilder account;
    private final String owner;
    private final List<String> ids = new ArrayList<>();
    private final List<AccessKeyBuilder> specs = new ArrayList<>();

    Keys(AccountBuilder account, String owner) {
      this.account = account;
      this.owner = owner;
    }

    void add(String id, Consumer<AccessKeyBuilder> spec) {
      Objects.requireNonNull(spec, "spec");
      if (id != null) {
        if (!KEY_ID.matcher(id).matches()) {
          throw new IllegalArgumentException(
              "an access key id has 16 to 128 letters, digits or '_', got '" + id + "' (" + where() + ")");
        }
        account.root.claimKeyId(id, where());
      }
      AccessKeyBuilder k = new AccessKeyBuilder();
      spec.accept(k);
      ids.add(id);
      specs.add(k);
    }

    private String where() {
      return owner + " in account " + account.accountId;
    }

    List<AwsIamAccessKey> resolve(String accountId, String userName, Instant now, Set<String> usedIds) {
      List<AwsIamAccessKey> out = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        String id = ids.get(i) != null
            ? ids.get(i)
            : FixtureIds.next("AKIA", 16, "key/" + accountId + "/" + userName + "/" + (i + 1), usedIds);
        out.add(specs.get(i).resolve(id, userName, now, where()));
      }
      return out;
    }
  }

  // ---- access keys --------------------------------------------------------------------------

  /**
   * One access key: creation, last use and status.
   *
   * <pre>{@code
   * k -> k.created(daysAgo(500)).lastUsed(daysAgo(120), "s3", "eu-west-1").inactive()
   * }</pre>
   */
  public static final class AccessKeyBuilder {
    private When created;
    private When lastUsed;
    private String serviceName;
    private String region;
    private LastUse lastUseState = LastUse.unknown();
    private AccessKeyStatus status = AccessKeyStatus.ACTIVE;

    private AccessKeyBuilder() {}

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time, relative to the builder's clock
     * @return this builder
     */
    public AccessKeyBuilder created(Ago when) {
      created = When.of(when);
      return this;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time
     * @return this builder
     */
    public AccessKeyBuilder created(Instant when) {
      created = When.of(when);
      return this;
    }

    /**
     * Last used at {@code when}, service and region unknown.
     *
     * @param when the last use, relative to the builder's clock
     * @return this builder
     */
    public AccessKeyBuilder lastUsed(Ago when) {
      return used(When.of(when), null, null);
    }

    /**
     * Last used at {@code when}, service and region unknown.
     *
     * @param when the last use
     * @return this builder
     */
    public AccessKeyBuilder lastUsed(Instant when) {
      return used(When.of(when), null, null);
    }

    /**
     * Last used at {@code when} by {@code serviceName} (for example {@code s3}) in {@code region}.
     *
     * @param when the last use, relative to the builder's clock
     * @param serviceName the AWS service
     * @param region the region
     * @return this builder
     */
    public AccessKeyBuilder lastUsed(Ago when, String serviceName, String region) {
      return used(When.of(when), Objects.requireNonNull(serviceName, "serviceName"),
          Objects.requireNonNull(region, "region"));
    }

    /**
     * Last used at {@code when} by {@code serviceName} (for example {@code s3}) in {@code region}.
     *
     * @param when the last use
     * @param serviceName the AWS service
     * @param region the region
     * @return this builder
     */
    public AccessKeyBuilder lastUsed(Instant when, String serviceName, String region) {
      return used(When.of(when), Objects.requireNonNull(serviceName, "serviceName"),
          Objects.requireNonNull(region, "region"));
    }

    /**
     * Never used (AWS reports {@code N/A}).
     *
     * @return this builder
     */
    public AccessKeyBuilder neverUsed() {
      lastUsed = null;
      lastUseState = LastUse.never();
      return this;
    }

    /**
     * Use not known: the default.
     *
     * @return this builder
     */
    public AccessKeyBuilder unknownUse() {
      lastUsed = null;
      lastUseState = LastUse.unknown();
      return this;
    }

    /**
     * Status {@code Active}: the default.
     *
     * @return this builder
     */
    public AccessKeyBuilder active() {
      status = AccessKeyStatus.ACTIVE;
      return this;
    }

    /**
     * Status {@code Inactive}.
     *
     * @return this builder
     */
    public AccessKeyBuilder inactive() {
      status = AccessKeyStatus.INACTIVE;
      return this;
    }

    private AccessKeyBuilder used(When when, String serviceName, String region) {
      this.lastUsed = when;
      this.serviceName = serviceName;
      this.region = region;
      this.lastUseState = null;
      return this;
    }

    private AwsIamAccessKey resolve(String id, String userName, Instant now, String owner) {
      LastUse use = lastUsed == null
          ? lastUseState
          : new LastUse.Used(lastUsed.at(now), Optional.ofNullable(serviceName), Optional.ofNullable(region));
      Instant usedAt = use.at().orElse(null);
      Instant ctime = created != null
          ? created.at(now)
          : earliest(now.minus(Duration.ofDays(DEFAULT_KEY_AGE_DAYS)), usedAt);
      checkOrder("access key " + id + " of " + owner, ctime, usedAt);
      return AwsIamAccessKey.builder(id, userName).status(status).ctime(ctime).lastUse(use).build();
    }
  }

  // ---- groups and roles ---------------------------------------------------------------------

  /** One IAM group. */
  public static final class GroupBuilder {
    private final String name;
    private When created;
    private String path = "/";

    private GroupBuilder(String name) {
      this.name = name;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time, relative to the builder's clock
     * @return this builder
     */
    public GroupBuilder created(Ago when) {
      created = When.of(when);
      return this;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time
     * @return this builder
     */
    public GroupBuilder created(Instant when) {
      created = When.of(when);
      return this;
    }

    /**
     * The IAM path (default {@code /}).
     *
     * @param path the IAM path
     * @return this builder
     */
    public GroupBuilder path(String path) {
      this.path = checkPath(path);
      return this;
    }

    private AwsIamGroup resolve(String accountId, Instant now, Set<String> usedIds) {
      return AwsIamGroup.builder(FixtureIds.next("AGPA", 17, "group/" + accountId + "/" + name, usedIds))
          .name(name)
          .arn("arn:aws:iam::" + accountId + ":group" + path + name)
          .path(path)
          .ctime(creationTime(created, now, DEFAULT_PRINCIPAL_AGE_DAYS, null, List.of()))
          .build();
    }
  }

  /** One IAM role. */
  public static final class RoleBuilder {
    private final String name;
    private When created;
    private When lastUsed;
    private String path = "/";
    private final Map<String, String> tags = new LinkedHashMap<>();

    private RoleBuilder(String name) {
      this.name = name;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time, relative to the builder's clock
     * @return this builder
     */
    public RoleBuilder created(Ago when) {
      created = When.of(when);
      return this;
    }

    /**
     * When it was created (default: see {@link Fixtures}).
     *
     * @param when the creation time
     * @return this builder
     */
    public RoleBuilder created(Instant when) {
      created = When.of(when);
      return this;
    }

    /**
     * When the role was last assumed or used (the role's {@code atime}).
     *
     * @param when the last use, relative to the builder's clock
     * @return this builder
     */
    public RoleBuilder lastUsed(Ago when) {
      lastUsed = When.of(when);
      return this;
    }

    /**
     * When the role was last assumed or used (the role's {@code atime}).
     *
     * @param when the last use
     * @return this builder
     */
    public RoleBuilder lastUsed(Instant when) {
      lastUsed = When.of(when);
      return this;
    }

    /**
     * The IAM path (default {@code /}).
     *
     * @param path the IAM path
     * @return this builder
     */
    public RoleBuilder path(String path) {
      this.path = checkPath(path);
      return this;
    }

    /**
     * Adds a tag.
     *
     * @param key the tag key
     * @param value the tag value
     * @return this builder
     */
    public RoleBuilder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    private AwsIamRole resolve(String accountId, Instant now, Set<String> usedIds) {
      Instant used = lastUsed == null ? null : lastUsed.at(now);
      Instant ctime = creationTime(created, now, DEFAULT_PRINCIPAL_AGE_DAYS, used, List.of());
      checkOrder("role " + name + " in account " + accountId, ctime, used);
      return AwsIamRole.builder(FixtureIds.next("AROA", 17, "role/" + accountId + "/" + name, usedIds))
          .name(name)
          .arn("arn:aws:iam::" + accountId + ":role" + path + name)
          .path(path)
          .ctime(ctime)
          .atime(used)
          .tags(tags)
          .build();
    }
  }

  // ---- shared checks and defaults -----------------------------------------------------------

  /**
   * The creation time: the one given, or {@code defaultDays} before now, moved earlier if needed so
   * that nothing (a use, a key) happens before its owner exists.
   */
  private static Instant creationTime(
      When given, Instant now, int defaultDays, Instant lastUsed, List<AwsIamAccessKey> keys) {
    if (given != null) {
      return given.at(now);
    }
    Instant t = earliest(now.minus(Duration.ofDays(defaultDays)), lastUsed);
    for (AwsIamAccessKey k : keys) {
      t = earliest(t, k.ctime().orElse(null));
    }
    return t;
  }

  private static Instant earliest(Instant a, Instant b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  private static void checkOrder(String what, Instant created, Instant used) {
    if (used != null && used.isBefore(created)) {
      throw new IllegalArgumentException(
          what + " was last used at " + Values.format(used) + ", before it was created at " + Values.format(created));
    }
  }

  private static void checkName(String what, String name) {
    Objects.requireNonNull(name, "name");
    if (!IAM_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "an IAM " + what + " name has 1 to 128 letters, digits or +=,.@_-, got '" + name + "'");
    }
  }

  private static String checkPath(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("an IAM path starts and ends with '/', got '" + path + "'");
    }
    return path;
  }
}
