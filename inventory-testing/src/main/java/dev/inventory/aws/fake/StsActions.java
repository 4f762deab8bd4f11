package dev.inventory.aws.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STS actions: GetCallerIdentity and AssumeRole. */
final class StsActions {
  /** Who is calling: the account and how GetCallerIdentity describes the caller. */
  record Caller(String accountId, String arn, String userId) {}

  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[^/]+/)*([\\w+=,.@-]+)");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  private final FakeIam fake;

  StsActions(FakeIam fake) {
    this.fake = fake;
  }

  boolean knows(String action) {
    return action.equals("GetCallerIdentity") || action.equals("AssumeRole");
  }

  String run(String action, Caller caller, Params p) {
    return action.equals("GetCallerIdentity") ? getCallerIdentity(caller) : assumeRole(caller, p);
  }

  private static String getCallerIdentity(Caller caller) {
    return new Xml()
        .text("UserId", caller.userId())
        .text("Account", caller.accountId())
        .text("Arn", caller.arn())
        .toString();
  }

  private String assumeRole(Caller caller, Params p) {
    String roleArn = p.required("RoleArn");
    String session = p.required("RoleSessionName");
    if (!SESSION_NAME.matcher(session).matches()) {
      throw FakeError.validation("1 validation error detected: Value '" + session
          + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
          + SESSION_NAME.pattern());
    }
    Matcher m = ROLE_ARN.matcher(roleArn);
    if (!m.matches()) {
      throw FakeError.validation("1 validation error detected: Value '" + roleArn
          + "' at 'roleArn' failed to satisfy constraint: Member must be a role ARN arn:aws:iam::<account>:role/<name>");
    }
    FakeAccount target = fake.knownAccount(m.group(1)).orElse(null);
    boolean externalIdOk = target != null && target.requiredExternalId()
        .map(required -> required.equals(p.optional("ExternalId").orElse(null)))
        .orElse(true);
    if (!externalIdOk) {
      throw new FakeError(403, "AccessDenied", "User: " + caller.arn()
          + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    }
    String roleName = m.group(2);
    String roleId = "AROA" + fake.stableId(target.id() + "/role/" + roleName, 17);
    String assumedArn = "arn:aws:sts::" + target.id() + ":assumed-role/" + roleName + "/" + session;
    String keyId = fake.generatedId("ASIA", 16);
    fake.registerCaller(keyId, new Caller(target.id(), assumedArn, roleId + ":" + session));
    // Real time, not the fake's clock: the SDK caches assumed credentials by wall-clock expiry.
    Instant expiration = Instant.now().plus(Duration.ofHours(1));
    return new Xml()
        .open("Credentials")
        .text("AccessKeyId", keyId)
        .text("SecretAccessKey", "fake-session-secret")
        .text("SessionToken", "fake-session-token-" + keyId)
        .date("Expiration", expiration)
        .close("Credentials")
        .open("AssumedRoleUser")
        .text("AssumedRoleId", roleId + ":" + session)
        .text("Arn", assumedArn)
        .close("AssumedRoleUser")
        .toString();
  }
}
