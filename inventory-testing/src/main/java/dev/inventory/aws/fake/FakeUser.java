package dev.inventory.aws.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An IAM user in the {@link FakeIam} model. Thread-safe (guarded by its account); changes are
 * visible to the next call.
 *
 * <pre>{@code
 * FakeUser u = fake.account("111111111111").user("alice").tag("team", "data").passwordEnabled(true);
 * u.addKey("AKIAFAKEALICE0000001", Instant.parse("2025-01-01T00:00:00Z")).use(Instant.parse("2026-01-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Besides keys, a user may be in groups, have attached and inline policies, a console password
 * (login profile) and MFA devices: DeleteUser answers {@code DeleteConflict} while any of them is left.
 */
public final class FakeUser {
  private final FakeAccount account;
  private final String name;
  private final String path;
  private final String userId;
  private final Instant created;
  private final OwnedKeys keys;
  private final Map<String, String> tags = new TreeMap<>();
  private final Set<String> groups = new LinkedHashSet<>();
  private final Set<String> attachedPolicies = new LinkedHashSet<>();
  private final Set<String> inlinePolicies = new LinkedHashSet<>();
  private final Map<String, Instant> mfaDevices = new LinkedHashMap<>();
  private Instant passwordLastUsed;
  private boolean passwordEnabled;

  FakeUser(FakeAccount account, String name, String path, String userId, Instant created) {
    this.account = account;
    this.name = Objects.requireNonNull(name, "name");
    this.path = Objects.requireNonNull(path, "path");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.created = Objects.requireNonNull(created, "created");
    this.keys = new OwnedKeys(account, name);
  }

  /**
   * The UserName.
   *
   * @return the UserName
   */
  public String name() {
    return name;
  }

  /**
   * The IAM path, for example {@code /} or {@code /ci/}.
   *
   * @return the IAM path, for example {@code /} or {@code /ci/}
   */
  public String path() {
    return path;
  }

  /**
   * The UserId ({@code AIDA...}).
   *
   * @return the UserId ({@code AIDA...})
   */
  public String userId() {
    return userId;
  }

  /**
   * {@code arn:aws:iam::<account>:user<path><name>}.
   *
   * @return {@code arn:aws:iam::<account>:user<path><name>}
   */
  public String arn() {
    return "arn:aws:iam::" + account.id() + ":user" + path + name;
  }

  /**
   * The CreateDate.
   *
   * @return the CreateDate
   */
  public Instant created() {
    return created;
  }

  /**
   * The account this user belongs to.
   *
   * @return the account this user belongs to
   */
  public FakeAccount account() {
    return account;
  }

  /**
   * Sets when the console password was last used ({@code null}: never); enables the password.
   *
   * @param at the time
   * @return this user
   */
  public FakeUser passwordLastUsed(Instant at) {
    synchronized (account) {
      passwordLastUsed = at;
      if (at != null) {
        passwordEnabled = true;
      }
    }
    return this;
  }

  /**
   * When the console password was last used.
   *
   * @return when the console password was last used
   */
  public Optional<Instant> passwordLastUsed() {
    synchronized (account) {
      return Optional.ofNullable(passwordLastUsed);
    }
  }

  /**
   * Gives the user a console password (a login profile) or takes it away.
   *
   * @param enabled whether it is enabled
   * @return this user
   */
  public FakeUser passwordEnabled(boolean enabled) {
    synchronized (account) {
      passwordEnabled = enabled;
    }
    return this;
  }

  /**
   * Whether the user has a console password.
   *
   * @return whether the user has a console password
   */
  public boolean passwordEnabled() {
    synchronized (account) {
      return passwordEnabled;
    }
  }

  /**
   * Adds a virtual MFA device {@code arn:aws:iam::<account>:mfa/<name>}, or removes every device.
   *
   * @param active whether it is active
   * @return this user
   */
  public FakeUser mfaActive(boolean active) {
    synchronized (account) {
      if (active) {
        mfaDevices.putIfAbsent("arn:aws:iam::" + account.id() + ":mfa/" + name, created);
      } else {
        mfaDevices.clear();
      }
    }
    return this;
  }

  /**
   * Whether the user has an MFA device.
   *
   * @return whether the user has an MFA device
   */
  public boolean mfaActive() {
    synchronized (account) {
      return !mfaDevices.isEmpty();
    }
  }

  /**
   * Sets a tag (ListUserTags answers them sorted by key).
   *
   * @param key the tag key
   * @param value the tag value
   * @return this user
   */
  public FakeUser tag(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    synchronized (account) {
      tags.put(key, value);
    }
    return this;
  }

  /**
   * The tags, sorted by key.
   *
   * @return the tags, sorted by key
   */
  public Map<String, String> tags() {
    synchronized (account) {
      return new TreeMap<>(tags);
    }
  }

  /**
   * Puts the user into a group (ListGroupsForUser).
   *
   * @param groupName the group name
   * @return this user
   */
  public FakeUser addToGroup(String groupName) {
    synchronized (account) {
      groups.add(Objects.requireNonNull(groupName, "groupName"));
    }
    return this;
  }

  /**
   * Attaches a managed policy by ARN (ListAttachedUserPolicies).
   *
   * @param policyArn the policy arn
   * @return this user
   */
  public FakeUser attachPolicy(String policyArn) {
    synchronized (account) {
      attachedPolicies.add(Objects.requireNonNull(policyArn, "policyArn"));
    }
    return this;
  }

  /**
   * Adds an inline policy by name (ListUserPolicies).
   *
   * @param policyName the policy name
   * @return this user
   */
  public FakeUser putInlinePolicy(String policyName) {
    synchronized (account) {
      inlinePolicies.add(Objects.requireNonNull(policyName, "policyName"));
    }
    return this;
  }

  /**
   * Adds an access key, Active and never used.
   *
   * @param accessKeyId the access key id
   * @param created the creation time
   * @return the new key
   * @throws IllegalArgumentException when the account already has a key with this id
   */
  public FakeKey addKey(String accessKeyId, Instant created) {
    return keys.add(Objects.requireNonNull(accessKeyId, "accessKeyId"), created);
  }

  /**
   * Adds an access key created {@code 365} days before the fake's clock.
   *
   * @param accessKeyId the access key id
   * @return the new key
   */
  public FakeKey addKey(String accessKeyId) {
    return addKey(accessKeyId, account.defaultKeyCreation());
  }

  /**
   * The live keys, oldest first.
   *
   * @return the live keys, oldest first
   */
  public List<FakeKey> keys() {
    return keys.list();
  }

  /**
   * One of the live keys.
   *
   * @param accessKeyId the access key id
   * @return one of the live keys
   */
  public Optional<FakeKey> key(String accessKeyId) {
    return keys.find(accessKeyId);
  }

  /**
   * Deletes a key as DeleteAccessKey would.
   *
   * @param key the key to delete
   */
  public void removeKey(FakeKey key) {
    keys.remove(key);
  }

  List<String> groups() {
    synchronized (account) {
      return new ArrayList<>(groups);
    }
  }

  boolean removeFromGroup(String group) {
    synchronized (account) {
      return groups.remove(group);
    }
  }

  List<String> attachedPolicies() {
    synchronized (account) {
      return new ArrayList<>(attachedPolicies);
    }
  }

  boolean detachPolicy(String arn) {
    synchronized (account) {
      return attachedPolicies.remove(arn);
    }
  }

  List<String> inlinePolicies() {
    synchronized (account) {
      return new ArrayList<>(inlinePolicies);
    }
  }

  boolean deleteInlinePolicy(String policyName) {
    synchronized (account) {
      return inlinePolicies.remove(policyName);
    }
  }

  Map<String, Instant> mfaDevices() {
    synchronized (account) {
      return new LinkedHashMap<>(mfaDevices);
    }
  }

  boolean deactivateMfaDevice(String serial) {
    synchronized (account) {
      return mfaDevices.remove(serial) != null;
    }
  }

  /** What still blocks DeleteUser, or empty. */
  Optional<String> deleteConflict() {
    synchronized (account) {
      if (!keys.isEmpty()) {
        return Optional.of("Cannot delete entity, must delete access keys first.");
      }
      if (passwordEnabled) {
        return Optional.of("Cannot delete entity, must delete login profile first.");
      }
      if (!groups.isEmpty()) {
        return Optional.of("Cannot delete entity, must remove users from group first.");
      }
      if (!attachedPolicies.isEmpty()) {
        return Optional.of("Cannot delete entity, must detach all policies first.");
      }
      if (!inlinePolicies.isEmpty()) {
        return Optional.of("Cannot delete entity, must delete policies first.");
      }
      if (!mfaDevices.isEmpty()) {
        return Optional.of("Cannot delete entity, must delete MFA device first.");
      }
      return Optional.empty();
    }
  }

  void deleteKeys() {
    keys.removeAll();
  }

  @Override
  public String toString() {
    return "FakeUser[" + account.id() + ":" + path + name + "]";
  }
}
