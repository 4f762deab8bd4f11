package dev.inventory.aws.fake;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access key in the {@link FakeIam} model: Active until told otherwise, never used until a use
 * is set. Its last use is in one of three states: used at a time, never used, or unknown ({@link
 * #lastUseUnknown()}: IAM will not tell it, so a collector cannot know it either). Thread-safe
 * (guarded by its account).
 *
 * <pre>{@code
 * FakeKey k = fake.account("111111111111").user("ci").addKey("AKIAFAKE000000000001", created);
 * k.lastUsed(Instant.parse("2026-01-01T10:00:00Z"), "s3", "eu-west-1");
 * k.status("Inactive");
 * }</pre>
 */
public final class FakeKey {
  /** Status label of an active key. */
  public static final String ACTIVE = "Active";
  /** Status label of an inactive key. */
  public static final String INACTIVE = "Inactive";

  private final FakeAccount account;
  private final String id;
  private final String userName;
  private final Instant created;
  private String status = ACTIVE;
  private Instant lastUsed;
  private String service;
  private String region;
  private boolean deleted;
  private boolean useUnknown;

  FakeKey(FakeAccount account, String id, String userName, Instant created) {
    this.account = account;
    this.id = Objects.requireNonNull(id, "id");
    this.userName = userName;
    this.created = Objects.requireNonNull(created, "created");
  }

  /**
   * The AccessKeyId.
   *
   * @return the AccessKeyId
   */
  public String id() {
    return id;
  }

  /**
   * The owner's UserName ({@code root} for a root key).
   *
   * @return the owner's UserName ({@code root} for a root key)
   */
  public String userName() {
    return userName;
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
   * {@code Active} or {@code Inactive}.
   *
   * @return {@code Active} or {@code Inactive}
   */
  public String status() {
    synchronized (account) {
      return status;
    }
  }

  /**
   * Whether the status is {@code Active}.
   *
   * @return whether the status is {@code Active}
   */
  public boolean active() {
    return ACTIVE.equals(status());
  }

  /**
   * Sets the status.
   *
   * @param status the status
   * @return this key
   * @throws IllegalArgumentException for anything but {@code Active} or {@code Inactive}
   */
  public FakeKey status(String status) {
    if (!ACTIVE.equals(status) && !INACTIVE.equals(status)) {
      throw new IllegalArgumentException("a key status is Active or Inactive, got '" + status + "'");
    }
    synchronized (account) {
      this.status = status;
    }
    return this;
  }

  /**
   * Records a last use of this key by {@code service} in {@code region}.
   *
   * @param at the time
   * @param service the service
   * @param region the region
   * @return this key
   */
  public FakeKey lastUsed(Instant at, String service, String region) {
    Objects.requireNonNull(at, "at");
    synchronized (account) {
      this.lastUsed = at;
      this.useUnknown = false;
      this.service = Objects.requireNonNull(service, "service");
      this.region = Objects.requireNonNull(region, "region");
    }
    return this;
  }

  /**
   * Same as {@code lastUsed(at, "iam", "us-east-1")}.
   *
   * @param at the time
   * @return this key
   */
  public FakeKey use(Instant at) {
    return lastUsed(at, "iam", "us-east-1");
  }

  /**
   * Forgets any use: IAM then answers {@code N/A}.
   *
   * @return this key
   */
  public FakeKey neverUsed() {
    synchronized (account) {
      useUnknown = false;
      lastUsed = null;
      service = null;
      region = null;
    }
    return this;
  }

  /**
   * Makes the last use unknown, as when the caller may not read it: {@code GetAccessKeyLastUsed}
   * for this key answers 403 {@code AccessDenied}, and the credential report gives its slot no
   * {@code last_rotated} time, so that the report cannot place the key either. A collector then
   * records the key's last use as unknown (and the denied call as an error of the collect).
   *
   * @return this key
   */
  public FakeKey lastUseUnknown() {
    synchronized (account) {
      useUnknown = true;
      lastUsed = null;
      service = null;
      region = null;
    }
    return this;
  }

  /**
   * Whether the last use is unknown (see {@link #lastUseUnknown()}).
   *
   * @return true when IAM will not tell the last use
   */
  public boolean useUnknown() {
    synchronized (account) {
      return useUnknown;
    }
  }

  /**
   * When the key was last used; empty when never used or unknown.
   *
   * @return when the key was last used; empty when never used or unknown
   */
  public Optional<Instant> lastUsed() {
    synchronized (account) {
      return Optional.ofNullable(lastUsed);
    }
  }

  /**
   * The service of the last use, {@code N/A} when never used.
   *
   * @return the service of the last use, {@code N/A} when never used
   */
  public String lastUsedService() {
    synchronized (account) {
      return lastUsed == null ? "N/A" : service;
    }
  }

  /**
   * The region of the last use, {@code N/A} when never used.
   *
   * @return the region of the last use, {@code N/A} when never used
   */
  public String lastUsedRegion() {
    synchronized (account) {
      return lastUsed == null ? "N/A" : region;
    }
  }

  /**
   * True once DeleteAccessKey (or the model) removed this key.
   *
   * @return true once DeleteAccessKey (or the model) removed this key
   */
  public boolean deleted() {
    synchronized (account) {
      return deleted;
    }
  }

  void markDeleted() {
    deleted = true;
  }

  @Override
  public String toString() {
    return "FakeKey[" + id + " of " + userName + ", " + status() + (deleted() ? ", deleted" : "") + "]";
  }
}
