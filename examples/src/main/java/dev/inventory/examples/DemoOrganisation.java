package dev.inventory.examples;

import static dev.inventory.aws.Fixtures.daysAgo;

import dev.inventory.Inventory;
import dev.inventory.aws.Fixtures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo organisation: twelve AWS accounts whose IAM users and access keys reproduce the
 * numbers of the Fix Inventory guide "How to Clean Up AWS IAM Access Keys" on any day, because every
 * time is relative to the clock it is built with.
 *
 * <p>Stale keys (last used 120 to 400 days ago), exactly one per (user, account) pair: {@code
 * test-max} in all 12 accounts, {@code packer-ami} in 9, {@code db-runner} in 3, {@code ci} in 2,
 * {@code ccm-sa}, {@code nancy} and {@code jenkins} in 1 each: 29 stale keys, 26 of them owned by
 * someone other than {@code jenkins} or {@code ci}.
 *
 * <p>Keys that must not count as stale: keys used in the last 30 days (every account's {@code
 * deploy-bot}, the second key of {@code test-max} in each account), one key last used exactly 89
 * days ago, keys never used (some created over a year ago), inactive keys used recently, and a root
 * user with a recently used key in every account.
 */
public final class DemoOrganisation {
  /** Account ids and aliases, in the order they are built. */
  public static final Map<String, String> ACCOUNTS = accounts();

  private DemoOrganisation() {}

  /** Builds the organisation with every time relative to {@code clock}. */
  public static Inventory build(Clock clock) {
    Fixtures.AwsBuilder aws = Fixtures.aws(clock);
    List<String> ids = new ArrayList<>(ACCOUNTS.keySet());
    for (int a = 0; a < ids.size(); a++) {
      final int n = a;
      String account = ids.get(a);
      aws.account(account, ACCOUNTS.get(account), acct -> {
        // stale users: exactly one key each, last used 120..400 days ago
        staleUser(acct, "test-max", n, 0, k -> k.lastUsed(daysAgo(20 + n), "s3", "eu-central-1"));
        if (n < 9) {
          staleUser(acct, "packer-ami", n, 1, null);
        }
        if (n < 3) {
          staleUser(acct, "db-runner", n, 2, null);
        }
        if (n >= 10) {
          staleUser(acct, "ci", n, 3, null);
        }
        if (n == 4) {
          staleUser(acct, "ccm-sa", n, 4, null);
        }
        if (n == 5) {
          staleUser(acct, "nancy", n, 5, null);
        }
        if (n == 6) {
          staleUser(acct, "jenkins", n, 6, null);
        }
        // users whose keys are in use
        acct.user("deploy-bot", u -> u
            .created(daysAgo(700))
            .accessKey(k -> k.created(daysAgo(300)).lastUsed(daysAgo(1 + n % 5), "sts", "us-east-1")));
        if (n == 0) {
          acct.user("auditor", u -> u
              .created(daysAgo(500))
              .accessKey(k -> k.created(daysAgo(200)).lastUsed(daysAgo(89), "iam", "us-east-1")));
        }
        if (n % 3 == 0) {
          acct.user("new-hire-" + (n + 1), u -> u
              .created(daysAgo(10))
              .accessKey(k -> k.created(daysAgo(10)).neverUsed()));
        }
        if (n % 4 == 1) {
          acct.user("legacy-batch", u -> u
              .created(daysAgo(900))
              .accessKey(k -> k.created(daysAgo(400 + n)).neverUsed()));
        }
        if (n % 2 == 0) {
          acct.user("on-call", u -> u
              .created(daysAgo(800))
              .passwordLastUsed(daysAgo(2))
              .accessKey(k -> k.created(daysAgo(90)).lastUsed(daysAgo(5), "ec2", "eu-west-1").inactive()));
        }
        acct.rootUser(r -> r.accessKey(k -> k.created(daysAgo(1000)).lastUsed(daysAgo(3 + n), "iam", "us-east-1")));
        acct.group("admins");
        acct.role("OrganizationAccountAccessRole", r -> r.lastUsed(daysAgo(1)));
      });
    }
    return aws.build();
  }

  /**
   * A user with exactly one stale key, last used between 120 and 400 days ago (spread by account and
   * user so that no two look alike), and optionally a second key described by {@code extra}.
   */
  private static void staleUser(
      Fixtures.AccountBuilder acct, String name, int account, int user,
      java.util.function.Consumer<Fixtures.AccessKeyBuilder> extra) {
    int lastUsed = 120 + (account * 23 + user * 41) % 281;
    acct.user(name, u -> {
      u.created(daysAgo(lastUsed + 400));
      u.accessKey(k -> k.created(daysAgo(lastUsed + 200)).lastUsed(daysAgo(lastUsed), "s3", "us-east-1"));
      if (extra != null) {
        u.accessKey(k -> {
          k.created(daysAgo(60));
          extra.accept(k);
        });
      }
    });
  }

  private static Map<String, String> accounts() {
    String[] names = {
      "prod", "staging", "dev", "sandbox", "data", "ml", "security", "logging", "shared-services", "network",
      "billing", "audit"
    };
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(String.format("1000000000%02d", i + 1), names[i]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
