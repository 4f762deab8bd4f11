package dev.inventory.aws.fake;

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
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One AWS account in the {@link FakeIam}: alias, users, root user, caller credentials and the
 * credential report. Thread-safe: every model change locks the account, so a call sees a
 * consistent account.
 *
 * <pre>{@code
 * FakeAccount prod = fake.account("111111111111").alias("prod");
 * prod.user("alice").addKey("AKIAFAKEALICE0000001", created);
 * IamClient iam = IamClient.builder().endpointOverride(fake.endpoint()).region(Region.AWS_GLOBAL)
 *     .credentialsProvider(prod.credentials()).build();
 * }</pre>
 */
public final class FakeAccount {
  /** The secret of every caller key (the fake does not check signatures). */
  public static final String SECRET = "fake-secret";

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final FakeIam fake;
  private final String id;
  private final Map<String, FakeUser> users = new LinkedHashMap<>();
  private final Set<String> keyIds = new HashSet<>();
  private final FakeRoot root;
  private final CredentialReports reports = new CredentialReports();
  private String alias;
  private String requiredExternalId;

  FakeAccount(FakeIam fake, String id) {
    if (!ACCOUNT_ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
      throw new IllegalArgumentException("an AWS account id has 12 digits, got '" + id + "'");
    }
    this.fake = fake;
    this.id = id;
    this.root = new FakeRoot(this, fake.now().minus(Duration.ofDays(730)));
  }

  /**
   * The 12-digit account id.
   *
   * @return the 12-digit account id
   */
  public String id() {
    return id;
  }

  /**
   * Sets the account alias (ListAccountAliases), {@code null} for none.
   *
   * @param alias the alias
   * @return this account
   */
  public FakeAccount alias(String alias) {
    synchronized (this) {
      this.alias = alias;
    }
    return this;
  }

  /**
   * The account alias, if any.
   *
   * @return the account alias, if any
   */
  public synchronized Optional<String> alias() {
    return Optional.ofNullable(alias);
  }

  /**
   * The access key id that calls as this account: {@code AKIDFAKE<account id>}.
   *
   * @return the access key id that calls as this account: {@code AKIDFAKE<account id>}
   */
  public String callerKeyId() {
    return "AKIDFAKE" + id;
  }

  /**
   * Static credentials that call as this account.
   *
   * @return static credentials that call as this account
   */
  public AwsCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(callerKeyId(), SECRET));
  }

  /**
   * {@code arn:aws:iam::<account>:user/fake-caller}: who GetCallerIdentity says is calling.
   *
   * @return {@code arn:aws:iam::<account>:user/fake-caller}: who GetCallerIdentity says is calling
   */
  public String callerArn() {
    return "arn:aws:iam::" + id + ":user/fake-caller";
  }

  /**
   * Makes AssumeRole into this account fail with 403 AccessDenied without this ExternalId ({@code null}: none needed).
   *
   * @param externalId the external id
   * @return this account
   */
  public FakeAccount requireExternalId(String externalId) {
    synchronized (this) {
      this.requiredExternalId = externalId;
    }
    return this;
  }

  synchronized Optional<String> requiredExternalId() {
    return Optional.ofNullable(requiredExternalId);
  }

  /**
   * The user of this name, created (path {@code /}, generated UserId, 730 days old) if missing.
   *
   * @param name the name
   * @return the user of this name, created (path {@code /}, generated UserId, 730 days old) if missing
   */
  public synchronized FakeUser user(String name) {
    FakeUser u = users.get(name);
    return u != null
        ? u
        : addUser(name, "/", fake.generatedId("AIDA", 17), fake.now().minus(Duration.ofDays(730)));
  }

  /**
   * Adds a user.
   *
   * @param name the name
   * @param path the path
   * @param userId the user id
   * @param created the creation time
   * @return the new user
   * @throws IllegalArgumentException when the account already has a user of this name, or the path
   *     does not start and end with {@code /}
   */
  public synchronized FakeUser addUser(String name, String path, String userId, Instant created) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("an IAM path starts and ends with '/', got '" + path + "'");
    }
    if (users.containsKey(name)) {
      throw new IllegalArgumentException("account " + id + " already has a user named '" + name + "'");
    }
    FakeUser u = new FakeUser(this, name, path, userId, created);
    users.put(name, u);
    return u;
  }

  /**
   * The users in the order they were added.
   *
   * @return the users in the order they were added
   */
  public synchronized List<FakeUser> users() {
    return new ArrayList<>(users.values());
  }

  /**
   * The user of this name, if any.
   *
   * @param name the name
   * @return the user of this name, if any
   */
  public synchronized Optional<FakeUser> findUser(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /**
   * Removes a user and its keys (as the model, not as DeleteUser: no conflict checks).
   *
   * @param name the name
   * @return whether there was such a user
   */
  public synchronized boolean removeUser(String name) {
    FakeUser u = users.remove(name);
    if (u == null) {
      return false;
    }
    u.deleteKeys();
    return true;
  }

  /**
   * The live key of this id, of a user or of the root user.
   *
   * @param accessKeyId the access key id
   * @return the live key of this id, of a user or of the root user
   */
  public synchronized Optional<FakeKey> findKey(String accessKeyId) {
    for (FakeUser u : users.values()) {
      Optional<FakeKey> k = u.key(accessKeyId);
      if (k.isPresent()) {
        return k;
      }
    }
    return root.find(accessKeyId);
  }

  /**
   * The root user.
   *
   * @return the root user
   */
  public FakeRoot root() {
    return root;
  }

  @Override
  public String toString() {
    return "FakeAccount[" + id + "]";
  }

  // ---- package-private --------------------------------------------------------------------

  FakeIam fake() {
    return fake;
  }

  /**
   * Takes the credential report's snapshot of this account now, stamped {@code generatedAt}, as if a
   * report had been generated earlier: GenerateCredentialReport then answers COMPLETE at once while
   * the report is younger than the fake's {@code reportMaxAge}, as AWS does within 4 hours.
   *
   * @param generatedAt the generated at
   * @return this account
   */
  public FakeAccount credentialReportGenerated(Instant generatedAt) {
    reports.generatedAt(this, generatedAt);
    return this;
  }

  CredentialReports reports() {
    return reports;
  }

  Instant defaultKeyCreation() {
    return fake.now().minus(Duration.ofDays(365));
  }

  String generatedKeyId() {
    return fake.generatedId("AKIA", 16);
  }

  synchronized void claimKeyId(String keyId) {
    if (!keyIds.add(keyId)) {
      throw new IllegalArgumentException("account " + id + " already has an access key " + keyId);
    }
  }

  synchronized void releaseKeyId(String keyId) {
    keyIds.remove(keyId);
  }

  synchronized boolean deleteUser(FakeUser u) {
    return users.remove(u.name(), u);
  }
}
