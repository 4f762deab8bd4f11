package dev.inventory.aws.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The IAM actions: each reads the parameters, acts on the account and writes the inside of its
 * {@code <XResult>}, or returns {@code null} for actions without output. Errors are thrown as
 * {@link FakeError}.
 */
final class IamActions {
  private final FakeIam fake;
  private final Pager pager;
  private final Map<String, BiFunction<FakeAccount, Params, String>> actions;

  IamActions(FakeIam fake, Pager pager) {
    this.fake = fake;
    this.pager = pager;
    this.actions = Map.ofEntries(
        Map.entry("ListAccountAliases", this::listAccountAliases),
        Map.entry("ListUsers", this::listUsers),
        Map.entry("GetUser", this::getUser),
        Map.entry("ListUserTags", this::listUserTags),
        Map.entry("ListAccessKeys", this::listAccessKeys),
        Map.entry("GetAccessKeyLastUsed", this::getAccessKeyLastUsed),
        Map.entry("UpdateAccessKey", this::updateAccessKey),
        Map.entry("DeleteAccessKey", this::deleteAccessKey),
        Map.entry("DeleteUser", this::deleteUser),
        Map.entry("ListGroupsForUser", this::listGroupsForUser),
        Map.entry("RemoveUserFromGroup", this::removeUserFromGroup),
        Map.entry("ListAttachedUserPolicies", this::listAttachedUserPolicies),
        Map.entry("DetachUserPolicy", this::detachUserPolicy),
        Map.entry("ListUserPolicies", this::listUserPolicies),
        Map.entry("DeleteUserPolicy", this::deleteUserPolicy),
        Map.entry("DeleteLoginProfile", this::deleteLoginProfile),
        Map.entry("ListMFADevices", this::listMfaDevices),
        Map.entry("DeactivateMFADevice", this::deactivateMfaDevice),
        Map.entry("GenerateCredentialReport", this::generateCredentialReport),
        Map.entry("GetCredentialReport", this::getCredentialReport));
  }

  boolean knows(String action) {
    return actions.containsKey(action);
  }

  String run(String action, FakeAccount account, Params params) {
    return actions.get(action).apply(account, params);
  }

  // ---- account and users --------------------------------------------------------------------

  private String listAccountAliases(FakeAccount a, Params p) {
    List<String> aliases = a.alias().map(List::of).orElse(List.of());
    Pager.Page<String> page = pager.page("ListAccountAliases", aliases, p);
    Xml xml = new Xml().open("AccountAliases");
    page.items().forEach(alias -> xml.text("member", alias));
    xml.close("AccountAliases");
    page.writeTail(xml);
    return xml.toString();
  }

  private String listUsers(FakeAccount a, Params p) {
    String prefix = p.optional("PathPrefix").orElse("/");
    List<FakeUser> users = a.users().stream().filter(u -> u.path().startsWith(prefix)).toList();
    Pager.Page<FakeUser> page = pager.page("ListUsers", users, p);
    Xml xml = new Xml().open("Users");
    for (FakeUser u : page.items()) {
      xml.open("member");
      user(xml, u);
      xml.close("member");
    }
    xml.close("Users");
    page.writeTail(xml);
    return xml.toString();
  }

  /** The members of a User, without Tags (ListUsers does not return them). */
  private static void user(Xml xml, FakeUser u) {
    xml.text("Path", u.path())
        .text("UserName", u.name())
        .text("UserId", u.userId())
        .text("Arn", u.arn())
        .date("CreateDate", u.created())
        .date("PasswordLastUsed", u.passwordLastUsed().orElse(null));
  }

  private String getUser(FakeAccount a, Params p) {
    FakeUser u = p.optionalUserName().map(name -> user(a, name))
        .orElseThrow(() -> FakeError.noSuchEntity("The caller of account " + a.id() + " is not an IAM user of the fake."));
    Xml xml = new Xml().open("User");
    user(xml, u);
    Map<String, String> tags = u.tags();
    if (!tags.isEmpty()) {
      xml.open("Tags");
      tags.forEach((k, v) -> xml.open("member").text("Key", k).text("Value", v).close("member"));
      xml.close("Tags");
    }
    return xml.close("User").toString();
  }

  private String listUserTags(FakeAccount a, Params p) {
    FakeUser u = user(a, p.userName());
    Pager.Page<Map.Entry<String, String>> page = pager.page("ListUserTags", List.copyOf(u.tags().entrySet()), p);
    Xml xml = new Xml().open("Tags");
    page.items().forEach(t -> xml.open("member").text("Key", t.getKey()).text("Value", t.getValue()).close("member"));
    xml.close("Tags");
    page.writeTail(xml);
    return xml.toString();
  }

  private String deleteUser(FakeAccount a, Params p) {
    synchronized (a) {
      FakeUser u = user(a, p.userName());
      u.deleteConflict().ifPresent(why -> {
        throw new FakeError(409, "DeleteConflict", why);
      });
      a.deleteUser(u);
    }
    return null;
  }

  // ---- access keys --------------------------------------------------------------------------

  private String listAccessKeys(FakeAccount a, Params p) {
    // Without UserName IAM lists the caller's own keys; the fake's callers have none.
    List<FakeKey> keys = p.optionalUserName().map(name -> user(a, name).keys()).orElse(List.of());
    Pager.Page<FakeKey> page = pager.page("ListAccessKeys", keys, p);
    Xml xml = new Xml().open("AccessKeyMetadata");
    for (FakeKey k : page.items()) {
      xml.open("member")
          .text("UserName", k.userName())
          .text("AccessKeyId", k.id())
          .text("Status", k.status())
          .date("CreateDate", k.created())
          .close("member");
    }
    xml.close("AccessKeyMetadata");
    page.writeTail(xml);
    return xml.toString();
  }

  private String getAccessKeyLastUsed(FakeAccount a, Params p) {
    String id = p.accessKeyId();
    FakeKey k = a.findKey(id).orElseThrow(() -> missingKey(id));
    if (k.useUnknown()) {
      throw new FakeError(403, "AccessDenied", "User: " + a.callerArn()
          + " is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key " + id);
    }
    return new Xml()
        .text("UserName", k.userName())
        .open("AccessKeyLastUsed")
        .date("LastUsedDate", k.lastUsed().orElse(null))
        .text("ServiceName", k.lastUsedService())
        .text("Region", k.lastUsedRegion())
        .close("AccessKeyLastUsed")
        .toString();
  }

  private String updateAccessKey(FakeAccount a, Params p) {
    String id = p.accessKeyId();
    String status = p.required("Status");
    if (status.equals("Expired")) {
      throw new FakeError(400, "InvalidInput", "An access key cannot be set to Expired.");
    }
    if (!status.equals(FakeKey.ACTIVE) && !status.equals(FakeKey.INACTIVE)) {
      throw FakeError.validation("1 validation error detected: Value '" + status
          + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]");
    }
    synchronized (a) {
      ownedKey(a, p, id).status(status);
    }
    return null;
  }

  private String deleteAccessKey(FakeAccount a, Params p) {
    String id = p.accessKeyId();
    synchronized (a) {
      FakeKey k = ownedKey(a, p, id);
      user(a, k.userName()).removeKey(k);
    }
    return null;
  }

  /** The key of the named user (or, without UserName, of the caller: never in the fake). */
  private static FakeKey ownedKey(FakeAccount a, Params p, String id) {
    String userName = p.optionalUserName().orElse(null);
    if (userName == null) {
      throw missingKey(id);
    }
    return user(a, userName).key(id).orElseThrow(() -> missingKey(id));
  }

  // ---- what DeleteUser waits for ------------------------------------------------------------

  private String listGroupsForUser(FakeAccount a, Params p) {
    FakeUser u = user(a, p.userName());
    Pager.Page<String> page = pager.page("ListGroupsForUser", u.groups(), p);
    Xml xml = new Xml().open("Groups");
    for (String g : page.items()) {
      xml.open("member")
          .text("Path", "/")
          .text("GroupName", g)
          .text("GroupId", "AGPA" + fake.stableId(a.id() + "/group/" + g, 17))
          .text("Arn", "arn:aws:iam::" + a.id() + ":group/" + g)
          .date("CreateDate", u.created())
          .close("member");
    }
    xml.close("Groups");
    page.writeTail(xml);
    return xml.toString();
  }

  private String removeUserFromGroup(FakeAccount a, Params p) {
    String group = p.required("GroupName");
    if (!user(a, p.userName()).removeFromGroup(group)) {
      throw FakeError.noSuchEntity("The group with name " + group + " cannot be found.");
    }
    return null;
  }

  private String listAttachedUserPolicies(FakeAccount a, Params p) {
    FakeUser u = user(a, p.userName());
    Pager.Page<String> page = pager.page("ListAttachedUserPolicies", u.attachedPolicies(), p);
    Xml xml = new Xml().open("AttachedPolicies");
    for (String arn : page.items()) {
      xml.open("member")
          .text("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
          .text("PolicyArn", arn)
          .close("member");
    }
    xml.close("AttachedPolicies");
    page.writeTail(xml);
    return xml.toString();
  }

  private String detachUserPolicy(FakeAccount a, Params p) {
    String arn = p.required("PolicyArn");
    if (!user(a, p.userName()).detachPolicy(arn)) {
      throw FakeError.noSuchEntity("Policy " + arn + " was not found.");
    }
    return null;
  }

  private String listUserPolicies(FakeAccount a, Params p) {
    FakeUser u = user(a, p.userName());
    Pager.Page<String> page = pager.page("ListUserPolicies", u.inlinePolicies(), p);
    Xml xml = new Xml().open("PolicyNames");
    page.items().forEach(name -> xml.text("member", name));
    xml.close("PolicyNames");
    page.writeTail(xml);
    return xml.toString();
  }

  private String deleteUserPolicy(FakeAccount a, Params p) {
    String name = p.required("PolicyName");
    if (!user(a, p.userName()).deleteInlinePolicy(name)) {
      throw FakeError.noSuchEntity("The user policy with name " + name + " cannot be found.");
    }
    return null;
  }

  private String deleteLoginProfile(FakeAccount a, Params p) {
    synchronized (a) {
      FakeUser u = user(a, p.userName());
      if (!u.passwordEnabled()) {
        throw FakeError.noSuchEntity("Login Profile for User " + u.name() + " cannot be found.");
      }
      u.passwordEnabled(false);
    }
    return null;
  }

  private String listMfaDevices(FakeAccount a, Params p) {
    // Without UserName IAM lists the caller's devices; the fake's callers have none.
    FakeUser u = p.optionalUserName().map(name -> user(a, name)).orElse(null);
    List<Map.Entry<String, java.time.Instant>> devices =
        u == null ? List.of() : new ArrayList<>(u.mfaDevices().entrySet());
    Pager.Page<Map.Entry<String, java.time.Instant>> page = pager.page("ListMFADevices", devices, p);
    Xml xml = new Xml().open("MFADevices");
    for (Map.Entry<String, java.time.Instant> d : page.items()) {
      xml.open("member")
          .text("UserName", u.name())
          .text("SerialNumber", d.getKey())
          .date("EnableDate", d.getValue())
          .close("member");
    }
    xml.close("MFADevices");
    page.writeTail(xml);
    return xml.toString();
  }

  private String deactivateMfaDevice(FakeAccount a, Params p) {
    String serial = p.required("SerialNumber");
    if (!user(a, p.userName()).deactivateMfaDevice(serial)) {
      throw FakeError.noSuchEntity("MFA device " + serial + " cannot be found.");
    }
    return null;
  }

  // ---- credential report --------------------------------------------------------------------

  private String generateCredentialReport(FakeAccount a, Params p) {
    if (fake.takeReportLimitExceeded()) {
      throw new FakeError(409, "LimitExceeded", "Credential report generation is limited; try again later.");
    }
    String state = a.reports().generate(a, fake.reportGenerationPolls(), fake.reportMaxAge(), fake.now());
    Xml xml = new Xml().text("State", state);
    if (state.equals("STARTED")) {
      xml.text("Description", "No report exists. Starting a new report generation task");
    }
    return xml.toString();
  }

  private String getCredentialReport(FakeAccount a, Params p) {
    CredentialReports.Report r = a.reports().get(a, fake.reportMaxAge(), fake.now());
    return new Xml()
        .text("Content", Base64.getEncoder().encodeToString(r.csv().getBytes(StandardCharsets.UTF_8)))
        .text("ReportFormat", "text/csv")
        .date("GeneratedTime", r.generated())
        .toString();
  }

  // ---- lookups ------------------------------------------------------------------------------

  private static FakeUser user(FakeAccount a, String name) {
    return a.findUser(name)
        .orElseThrow(() -> FakeError.noSuchEntity("The user with name " + name + " cannot be found."));
  }

  private static FakeError missingKey(String id) {
    return FakeError.noSuchEntity("The Access Key with id " + id + " cannot be found.");
  }
}
