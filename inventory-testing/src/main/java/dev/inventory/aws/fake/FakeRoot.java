package dev.inventory.aws.fake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root user of a {@link FakeAccount}: the {@code <root_account>} row of the credential report.
 * Its keys are not reachable through ListAccessKeys with a UserName (as in IAM), but
 * GetAccessKeyLastUsed knows them. Thread-safe.
 *
 * <pre>{@code
 * fake.account("111111111111").root().mfaActive(true).addKey(Instant.parse("2024-01-01T00:00:00Z"));
 * }</pre>
 */
public final class FakeRoot {
  /** The UserName the root user's keys report. */
  public static final String NAME = "root";

  private final FakeAccount account;
  private final OwnedKeys keys;
  private Instant created;
  private Instant passwordLastUsed;
  private boolean passwordEnabled = true;
  private boolean mfaActive;

  FakeRoot(FakeAccount account, Instant created) {
    this.account = account;
    this.created = created;
    this.keys = new OwnedKeys(account, NAME);
  }

  /**
   * {@code arn:aws:iam::<account>:root}.
   *
   * @return {@code arn:aws:iam::<account>:root}
   */
  public String arn() {
    return "arn:aws:iam::" + account.id() + ":root";
  }

  /**
   * When the account (and its root user) was created.
   *
   * @return when the account (and its root user) was created
   */
  public Instant created() {
    synchronized (account) {
      return created;
    }
  }

  /**
   * Sets when the account was created.
   *
   * @param at the time
   * @return this root
   */
  public FakeRoot created(Instant at) {
    synchronized (account) {
      created = Objects.requireNonNull(at, "at");
    }
    return this;
  }

  /**
   * Sets when the root password was last used ({@code null}: never).
   *
   * @param at the time
   * @return this root
   */
  public FakeRoot passwordLastUsed(Instant at) {
    synchronized (account) {
      passwordLastUsed = at;
    }
    return this;
  }

  /**
   * When the root password was last used.
   *
   * @return when the root password was last used
   */
  public Optional<Instant> passwordLastUsed() {
    synchronized (account) {
      return Optional.ofNullable(passwordLastUsed);
    }
  }

  /**
   * Whether the root user has a password (default true).
   *
   * @param enabled whether it is enabled
   * @return this root
   */
  public FakeRoot passwordEnabled(boolean enabled) {
    synchronized (account) {
      passwordEnabled = enabled;
    }
    return this;
  }

  /**
   * Whether the root user has a password.
   *
   * @return whether the root user has a password
   */
  public boolean passwordEnabled() {
    synchronized (account) {
      return passwordEnabled;
    }
  }

  /**
   * Sets whether the root user has an MFA device.
   *
   * @param active whether it is active
   * @return this root
   */
  public FakeRoot mfaActive(boolean active) {
    synchronized (account) {
      mfaActive = active;
    }
    return this;
  }

  /**
   * Whether the root user has an MFA device.
   *
   * @return whether the root user has an MFA device
   */
  public boolean mfaActive() {
    synchronized (account) {
      return mfaActive;
    }
  }

  /**
   * Adds a root key with a generated id ({@code AKIA...}), Active and never used.
   *
   * @param created the creation time
   * @return the new key
   */
  public FakeKey addKey(Instant created) {
    return keys.add(account.generatedKeyId(), created);
  }

  /**
   * Adds a root key with this id, Active and never used.
   *
   * @param accessKeyId the access key id
   * @param created the creation time
   * @return the new key
   */
  public FakeKey addKey(String accessKeyId, Instant created) {
    return keys.add(Objects.requireNonNull(accessKeyId, "accessKeyId"), created);
  }

  /**
   * The live root keys, oldest first.
   *
   * @return the live root keys, oldest first
   */
  public List<FakeKey> keys() {
    return keys.list();
  }

  Optional<FakeKey> find(String id) {
    return keys.find(id);
  }
}
