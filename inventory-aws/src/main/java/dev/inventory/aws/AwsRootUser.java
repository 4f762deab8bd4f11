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
 * The root user of an AWS account (kind {@code aws_root_user} &lt; {@code user}, {@code
 * aws_resource}). Its node id is the root ARN {@code arn:aws:iam::<account>:root}, unique per
 * account, and its name is {@code root}; {@code atime} is when the password was last used. Its
 * access keys are ordinary {@link AwsIamAccessKey}s.
 *
 * <pre>{@code
 * AwsRootUser root = AwsRootUser.forAccount("111111111111").mfaActive(true).build();
 * }</pre>
 */
public final class AwsRootUser extends AwsResourceBase implements User {
  /** The name every root user has. */
  public static final String NAME = "root";

  /** Property {@code arn} (string). */
  public static final Property<AwsRootUser> ARN =
      Property.of(AwsRootUser.class, "arn", ValueType.STRING, u -> u.arn().orElse(null));
  /** Property {@code password_enabled} (boolean). */
  public static final Property<AwsRootUser> PASSWORD_ENABLED =
      Property.of(AwsRootUser.class, "password_enabled", ValueType.BOOLEAN, u -> u.passwordEnabled().orElse(null));
  /** Property {@code mfa_active} (boolean). */
  public static final Property<AwsRootUser> MFA_ACTIVE =
      Property.of(AwsRootUser.class, "mfa_active", ValueType.BOOLEAN, u -> u.mfaActive().orElse(null));

  /** The properties this kind declares itself, in declaration order. */
  public static final List<Property<?>> PROPERTIES = List.of(ARN, PASSWORD_ENABLED, MFA_ACTIVE);

  private static final Set<String> DECLARED = names(PROPERTIES);

  private final String arn;
  private final Boolean passwordEnabled;
  private final Boolean mfaActive;

  private AwsRootUser(Builder b) {
    super(b, b.atime, DECLARED);
    this.arn = b.arn;
    this.passwordEnabled = b.passwordEnabled;
    this.mfaActive = b.mfaActive;
  }

  /**
   * The root ARN of an account, {@code arn:aws:iam::<account>:root}: the root user's node id.
   *
   * @param accountId the 12-digit account id
   * @return the account's root ARN
   */
  public static String rootArn(String accountId) {
    return "arn:aws:iam::" + accountId + ":root";
  }

  /**
   * Starts a root user with this node id and the name {@code root}.
   *
   * @param id the node id
   * @return a builder for the root user
   */
  public static Builder builder(String id) {
    return new Builder(id).name(NAME);
  }

  /**
   * Starts the root user of an account: node id and ARN are the root ARN, the name is {@code root}.
   *
   * @param accountId the 12-digit account id
   * @return a builder for that account's root user
   */
  public static Builder forAccount(String accountId) {
    String arn = rootArn(accountId);
    return builder(arn).arn(arn);
  }

  /**
   * The factory of kind {@code aws_root_user}.
   *
   * @param values the node's reported values
   * @return the root user
   */
  public static AwsRootUser fromValues(PropertyValues values) {
    Builder b = builder(values.id()).common(values);
    values.datetime("atime").ifPresent(b::atime);
    values.string("arn").ifPresent(b::arn);
    values.bool("password_enabled").ifPresent(b::passwordEnabled);
    values.bool("mfa_active").ifPresent(b::mfaActive);
    return b.build();
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_ROOT_USER;
  }

  /**
   * The root ARN, {@code arn:aws:iam::<account>:root}.
   *
   * @return the root ARN, or empty when not known
   */
  public Optional<String> arn() {
    return Optional.ofNullable(arn);
  }

  /**
   * Whether a console password is set, if known.
   *
   * @return whether a console password is set, or empty when not known
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
   * A builder holding this root user's values.
   *
   * @return a builder to derive a changed root user from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return fieldMap("arn", arn, "passwordEnabled", passwordEnabled, "mfaActive", mfaActive);
  }

  /** Builds an {@link AwsRootUser}. Setters of optional values accept {@code null} to clear them. */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private String arn;
    private Boolean passwordEnabled;
    private Boolean mfaActive;

    private Builder(String id) {
      super(id);
    }

    private Builder(AwsRootUser u) {
      super(u);
      this.arn = u.arn;
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
     * @return the root user
     */
    public AwsRootUser build() {
      return new AwsRootUser(this);
    }
  }
}
