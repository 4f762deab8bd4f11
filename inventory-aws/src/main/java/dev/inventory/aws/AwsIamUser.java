package dev.inventory.aws;

import dev.inventory.Property;
import dev.inventory.PropertyValues;
import dev.inventory.User;
import dev.inventory.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM user (kind {@code aws_iam_user} &lt; {@code user}, {@code aws_resource}): node id = UserId,
 * name = UserName, {@code atime} = when the password was last used.
 *
 * <pre>{@code
 * AwsIamUser nancy = AwsIamUser.builder("AIDAEXAMPLE0000000001")
 *     .name("nancy")
 *     .arn("arn:aws:iam::111111111111:user/nancy")
 *     .path("/")
 *     .passwordEnabled(true)
 *     .atime(Instant.parse("2026-01-02T00:00:00Z"))
 *     .tag("team", "data")
 *     .build();
 * }</pre>
 *
 * <p>Declared properties: {@code arn}, {@code path} (strings), {@code password_enabled}, {@code
 * mfa_active} (booleans); the rest come from {@code resource}. Values absent from the source stay
 * absent rather than defaulting to {@code false}.
 */
public final class AwsIamUser extends AwsResourceBase implements User {
  /** Property {@code arn} (string). */
  public static final Property<AwsIamUser> ARN =
      Property.of(AwsIamUser.class, "arn", ValueType.STRING, u -> u.arn().orElse(null));
  /** Property {@code path} (string). */
  public static final Property<AwsIamUser> PATH =
      Property.of(AwsIamUser.class, "path", ValueType.STRING, u -> u.path().orElse(null));
  /** Property {@code password_enabled} (boolean). */
  public static final Property<AwsIamUser> PASSWORD_ENABLED =
      Property.of(AwsIamUser.class, "password_enabled", ValueType.BOOLEAN, u -> u.passwordEnabled().orElse(null));
  /** Property {@code mfa_active} (boolean). */
  public static final Property<AwsIamUser> MFA_ACTIVE =
      Property.of(AwsIamUser.class, "mfa_active", ValueType.BOOLEAN, u -> u.mfaActive().orElse(null));

  /** The properties this kind declares itself, in declaration order. */
  public static final List<Property<?>> PROPERTIES = List.of(ARN, PATH, PASSWORD_ENABLED, MFA_ACTIVE);

  private static final Set<String> DECLARED = names(PROPERTIES);

  private final String arn;
  private final String path;
  private final Boolean passwordEnabled;
  private final Boolean mfaActive;

  private AwsIamUser(Builder b) {
    super(b, b.atime, DECLARED);
    this.arn = b.arn;
    this.path = b.path;
    this.passwordEnabled = b.passwordEnabled;
    this.mfaActive = b.mfaActive;
  }

  /**
   * Starts a user with this UserId as its node id.
   *
   * @param userId the UserId
   * @return a builder for the user
   */
  public static Builder builder(String userId) {
    return new Builder(userId);
  }

  /**
   * The factory of kind {@code aws_iam_user}.
   *
   * @param values the node's reported values
   * @return the user
   */
  public static AwsIamUser fromValues(PropertyValues values) {
    Builder b = builder(values.id()).common(values);
    values.datetime("atime").ifPresent(b::atime);
    values.string("arn").ifPresent(b::arn);
    values.string("path").ifPresent(b::path);
    values.bool("password_enabled").ifPresent(b::passwordEnabled);
    values.bool("mfa_active").ifPresent(b::mfaActive);
    return b.build();
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_IAM_USER;
  }

  /**
   * The user's ARN, {@code arn:aws:iam::<account>:user<path><name>}.
   *
   * @return the ARN, or empty when not known
   */
  public Optional<String> arn() {
    return Optional.ofNullable(arn);
  }

  /**
   * The IAM path, for example {@code /} or {@code /ci/}.
   *
   * @return the IAM path, or empty when not known
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * Whether the user can sign in to the console with a password, if known.
   *
   * @return whether a console password is enabled, or empty when not known
   */
  public Optional<Boolean> passwordEnabled() {
    return Optional.ofNullable(passwordEnabled);
  }

  /**
   * Whether an MFA device is active, if known.
   *
   * @return whether an MFA device is active, or empty when not known
   */
  public Optional<Boolean> mfaActive() {
    return Optional.ofNullable(mfaActive);
  }

  /**
   * When the password was last used: the same value as {@link #atime()}.
   *
   * @return when the password was last used, or empty
   */
  public Optional<Instant> passwordLastUsed() {
    return atime();
  }

  /**
   * A builder holding this user's values.
   *
   * @return a builder to derive a changed user from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return fieldMap("arn", arn, "path", path, "passwordEnabled", passwordEnabled, "mfaActive", mfaActive);
  }

  /** Builds an {@link AwsIamUser}. Setters of optional values accept {@code null} to clear them. */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private String arn;
    private String path;
    private Boolean passwordEnabled;
    private Boolean mfaActive;

    private Builder(String id) {
      super(id);
    }

    private Builder(AwsIamUser u) {
      super(u);
      this.arn = u.arn;
      this.path = u.path;
      this.passwordEnabled = u.passwordEnabled;
      this.mfaActive = u.mfaActive;
    }

    /**
     * Sets when the password was last used.
     *
     * @param atime when the password was last used, or null
     * @return this builder
     */
    public Builder atime(Instant atime) {
      this.atime = atime;
      return this;
    }

    /**
     * Sets the ARN, or clears it with {@code null}.
     *
     * @param arn the ARN, or null
     * @return this builder
     */
    public Builder arn(String arn) {
      this.arn = arn;
      return this;
    }

    /**
     * Sets the IAM path (for example {@code /}), or clears it with {@code null}.
     *
     * @param path the IAM path, or null
     * @return this builder
     */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * Sets whether a console password is enabled, or clears it (unknown) with {@code null}.
     *
     * @param passwordEnabled whether a console password is enabled, or null
     * @return this builder
     */
    public Builder passwordEnabled(Boolean passwordEnabled) {
      this.passwordEnabled = passwordEnabled;
      return this;
    }

    /**
     * Sets whether an MFA device is active, or clears it (unknown) with {@code null}.
     *
     * @param mfaActive whether an MFA device is active, or null
     * @return this builder
     */
    public Builder mfaActive(Boolean mfaActive) {
      this.mfaActive = mfaActive;
      return this;
    }

    /**
     * Builds the immutable resource.
     *
     * @return the user
     */
    public AwsIamUser build() {
      return new AwsIamUser(this);
    }
  }
}
