package dev.inventory.aws.fake;

import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.LastUse;
import dev.inventory.Resource;
import dev.inventory.aws.AwsAccount;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsIamUser;
import dev.inventory.aws.AwsKinds;
import dev.inventory.aws.AwsRootUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Copies an inventory into a {@link FakeIam}: every {@code aws_account} (alias = name unless the
 * name is the id), {@code aws_iam_user} (UserId = node id, name, path, ctime, password last use,
 * password, MFA, tags), {@code aws_iam_access_key} (id, status, ctime, last use) and the keys of
 * {@code aws_root_user}. A key whose use is unknown is seeded with {@link FakeKey#lastUseUnknown()},
 * so that a collect of the fake reads it back as unknown. A node's account is its {@code aws_account} ancestor; groups and roles are ignored.
 */
final class FakeSeeder {
  private FakeSeeder() {}

  static void seed(FakeIam fake, Inventory inv) {
    for (Resource r : inv.ofKind(AwsKinds.AWS_ACCOUNT)) {
      if (r instanceof AwsAccount a) {
        FakeAccount acct = fake.account(a.resourceId());
        a.name().filter(name -> !name.equals(a.resourceId())).ifPresent(acct::alias);
      }
    }
    for (Resource r : inv.ofKind(AwsKinds.AWS_IAM_USER)) {
      if (r instanceof AwsIamUser u) {
        seedUser(fake, inv, u);
      }
    }
    for (Resource r : inv.ofKind(AwsKinds.AWS_ROOT_USER)) {
      if (r instanceof AwsRootUser root) {
        FakeRoot fr = fake.account(accountOf(inv, root.id())).root();
        root.ctime().ifPresent(fr::created);
        root.atime().ifPresent(fr::passwordLastUsed);
        root.passwordEnabled().ifPresent(fr::passwordEnabled);
        root.mfaActive().ifPresent(fr::mfaActive);
      }
    }
    for (Resource r : inv.ofKind(AwsKinds.AWS_IAM_ACCESS_KEY)) {
      if (r instanceof AwsIamAccessKey k) {
        seedKey(fake, inv, k);
      }
    }
  }

  private static void seedUser(FakeIam fake, Inventory inv, AwsIamUser u) {
    FakeAccount acct = fake.account(accountOf(inv, u.id()));
    String name = u.name().orElseThrow(() -> new IllegalArgumentException("user " + u.id() + " has no name"));
    Instant created = u.ctime().orElse(fake.now().minus(Duration.ofDays(730)));
    FakeUser fu = acct.addUser(name, u.path().orElse("/"), u.resourceId(), created);
    u.passwordEnabled().ifPresent(fu::passwordEnabled);
    u.atime().ifPresent(fu::passwordLastUsed);
    u.mfaActive().ifPresent(fu::mfaActive);
    u.tags().forEach(fu::tag);
  }

  private static void seedKey(FakeIam fake, Inventory inv, AwsIamAccessKey k) {
    FakeAccount acct = fake.account(accountOf(inv, k.id()));
    Resource owner = inv.predecessors(k.id(), EdgeType.DEFAULT).stream()
        .filter(p -> p instanceof AwsIamUser || p instanceof AwsRootUser)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("access key " + k.id() + " has no user or root user above it"));
    Instant created = k.ctime().orElse(acct.defaultKeyCreation());
    FakeKey fk = owner instanceof AwsRootUser
        ? acct.root().addKey(k.resourceId(), created)
        : acct.user(owner.name().orElseThrow()).addKey(k.resourceId(), created);
    k.accessKeyStatus().map(AccessKeyStatus::label).ifPresent(fk::status);
    LastUse use = k.lastUse();
    if (use instanceof LastUse.Used used) {
      fk.lastUsed(used.time(), used.serviceName().orElse("iam"), used.region().orElse("us-east-1"));
    } else if (use instanceof LastUse.Never) {
      fk.neverUsed();
    } else {
      fk.lastUseUnknown();
    }
  }

  /** The id of the {@code aws_account} above a node, searching up the default edges. */
  private static String accountOf(Inventory inv, String id) {
    Deque<String> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(id);
    while (!todo.isEmpty()) {
      String current = todo.poll();
      for (Resource p : inv.predecessors(current, EdgeType.DEFAULT)) {
        if (p.kind().equals(AwsKinds.AWS_ACCOUNT)) {
          return p.resourceId(); // the account id; the graph id may be a hash (a Fix Inventory export)
        }
        if (seen.add(p.id())) {
          todo.add(p.id());
        }
      }
    }
    throw new IllegalArgumentException("node " + id + " has no aws_account above it");
  }
}
