package dev.inventory.aws;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How to reach one AWS account: the base credentials (the SDK's default chain, a named profile,
 * or a provider of your own) and, optionally, a role in the target account to assume with STS
 * {@code AssumeRole} (with an external id when the role's trust policy asks for one).
 *
 * <pre>{@code
 * AwsAccess.defaultCredentials();                                   // env, system properties, profile, container, ...
 * AwsAccess.profile("audit");                                       // ~/.aws/credentials [audit]
 * AwsAccess.defaultCredentials()
 *     .assumeRole("arn:aws:iam::111111111111:role/inventory", "ext-7f3a");
 * AwsAccess.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret)));
 * }</pre>
 *
 * <p>Immutable. Which account an access reaches is learnt at run time from STS
 * {@code GetCallerIdentity} (see {@link AwsAccountClients#accountId()}).
 */
public final class AwsAccess {
  private final Base base;
  private final String profile;
  private final AwsCredentialsProvider provider;
  private final String roleArn;
  private final String externalId;
  private final String sessionName;

  private enum Base { DEFAULT_CHAIN, PROFILE, PROVIDER }

  private AwsAccess(Base base, String profile, AwsCredentialsProvider provider,
      String roleArn, String externalId, String sessionName) {
    this.base = base;
    this.profile = profile;
    this.provider = provider;
    this.roleArn = roleArn;
    this.externalId = externalId;
    this.sessionName = sessionName;
  }

  /**
   * The SDK's default credentials chain (environment, system properties, shared profile, container,
   * instance).
   *
   * @return access with the default chain's credentials, no role
   */
  public static AwsAccess defaultCredentials() {
    return new AwsAccess(Base.DEFAULT_CHAIN, null, null, null, null, null);
  }

  /**
   * A named profile of the shared AWS config and credentials files.
   *
   * @param name the profile's name in the shared config files
   * @return access with that profile's credentials, no role
   */
  public static AwsAccess profile(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a profile name must not be blank");
    }
    return new AwsAccess(Base.PROFILE, name, null, null, null, null);
  }

  /**
   * Credentials from a provider of your own (for example static credentials in tests).
   *
   * @param provider supplies the base credentials
   * @return access with those credentials, no role
   */
  public static AwsAccess credentials(AwsCredentialsProvider provider) {
    return new AwsAccess(Base.PROVIDER, null, Objects.requireNonNull(provider, "provider"), null, null, null);
  }

  /**
   * The same base credentials, used to assume {@code roleArn} without an external id.
   *
   * @param roleArn the ARN of the role to assume
   * @return a copy of this access that assumes {@code roleArn}
   */
  public AwsAccess assumeRole(String roleArn) {
    return assumeRole(roleArn, null);
  }

  /**
   * The same base credentials, used to assume {@code roleArn}; {@code externalId} may be null.
   *
   * @param roleArn the ARN of the role to assume
   * @param externalId the external id the role's trust policy asks for, or null
   * @return a copy of this access that assumes {@code roleArn}
   * @throws IllegalArgumentException when {@code roleArn} is not an IAM role ARN
   */
  public AwsAccess assumeRole(String roleArn, String externalId) {
    Objects.requireNonNull(roleArn, "roleArn");
    if (!roleArn.matches("arn:aws[\\w-]*:iam::\\d{12}:role/.+")) {
      throw new IllegalArgumentException(
          "expected a role ARN such as arn:aws:iam::111111111111:role/inventory, got '" + roleArn + "'");
    }
    if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224)) {
      throw new IllegalArgumentException("an external id has 2 to 1224 characters, got " + externalId.length());
    }
    return new AwsAccess(base, profile, provider, roleArn, externalId, sessionName);
  }

  /**
   * The role session name used when assuming a role ({@code inventory-for-java} unless set).
   *
   * @param name the session name AWS records for the assumed role
   * @return a copy of this access with that session name
   */
  public AwsAccess sessionName(String name) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[\\w+=,.@-]{2,64}")) {
      throw new IllegalArgumentException("a role session name has 2 to 64 of [A-Za-z0-9_+=,.@-], got '" + name + "'");
    }
    return new AwsAccess(base, profile, provider, roleArn, externalId, name);
  }

  /**
   * The named profile, when the base credentials come from one.
   *
   * @return the profile name, or empty for other credentials
   */
  public Optional<String> profileName() {
    return Optional.ofNullable(profile);
  }

  /**
   * The role to assume, if any.
   *
   * @return the role ARN, or empty when no role is assumed
   */
  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  /**
   * The external id sent with {@code AssumeRole}, if any.
   *
   * @return the external id, or empty
   */
  public Optional<String> externalId() {
    return Optional.ofNullable(externalId);
  }

  /**
   * The role session name.
   *
   * @return the session name used with {@code AssumeRole}
   */
  public String roleSessionName() {
    return sessionName == null ? "inventory-for-java" : sessionName;
  }

  /**
   * The account id in the role ARN, when a role is assumed.
   *
   * @return the role's account id, or empty when no role is assumed
   */
  public Optional<String> roleAccountId() {
    return roleArn().map(arn -> arn.split(":")[4]);
  }

  /**
   * For messages: {@code profile audit}, {@code default credentials -> role arn:...}.
   *
   * @return a short description of where the credentials come from
   */
  public String label() {
    String b = switch (base) {
      case DEFAULT_CHAIN -> "default credentials";
      case PROFILE -> "profile " + profile;
      case PROVIDER -> "credentials provider";
    };
    return roleArn == null ? b : b + " -> role " + roleArn;
  }

  AwsCredentialsProvider provider() {
    return provider;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AwsAccess a && base == a.base && Objects.equals(profile, a.profile)
        && Objects.equals(provider, a.provider) && Objects.equals(roleArn, a.roleArn)
        && Objects.equals(externalId, a.externalId) && Objects.equals(sessionName, a.sessionName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(base, profile, provider, roleArn, externalId, sessionName);
  }

  @Override
  public String toString() {
    return "AwsAccess[" + label() + (externalId == null ? "" : ", external id set") + "]";
  }
}
