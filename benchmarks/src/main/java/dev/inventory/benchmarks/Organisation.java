package dev.inventory.benchmarks;

import dev.inventory.AccessKeyStatus;
import dev.inventory.EdgeType;
import dev.inventory.GenericResource;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.aws.AwsAccount;
import dev.inventory.aws.AwsIamAccessKey;
import dev.inventory.aws.AwsIamGroup;
import dev.inventory.aws.AwsIamRole;
import dev.inventory.aws.AwsIamUser;
import dev.inventory.aws.AwsRegion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A deterministic AWS organisation of exactly {@code size} resources, with the graph shape of {@code
 * Fixtures.aws}: {@code cloud aws -> account -> region global -> user -> access key} as default
 * edges, {@code user -delete-> key}, and filler resources (groups, roles, EC2 instances and volumes,
 * S3 buckets, Lambda functions) under each region so that keys are a minority.
 *
 * <p>One account per 2,000 resources; in each, about one resource in eight is a user with 0 to 2
 * keys whose last use is recent (under 90 days), stale (90 to 400 days), never, or unknown. User names
 * repeat across accounts ({@code jenkins} and {@code ci} in most of them), so {@code count name}
 * has groups larger than one. Built straight through {@link Inventory#builder()} from a seeded
 * {@link Random} and a fixed {@code now}: the same size gives the same organisation.
 *
 * <p>While it builds, it counts the answers of the benchmark queries, so that the engine and DuckDB
 * are both checked against a third, independent source.
 */
final class Organisation {
  static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
  static final long SEED = 20260501L;
  static final Duration STALE = Duration.ofDays(90);
  static final List<String> EXCLUDED = List.of("jenkins", "ci");

  private static final String[] SERVICE_NAMES = {
    "jenkins", "ci", "deploy-bot", "packer-ami", "db-runner", "test-max", "nancy", "ccm-sa", "terraform",
    "github-actions", "backup", "monitoring", "auditor", "legacy-batch", "etl", "airflow", "grafana",
    "datadog", "vault", "argo",
  };
  private static final int PERSON_NAMES = 4000;
  private static final String[] FILLER_KINDS = {
    "aws_ec2_instance", "aws_ec2_volume", "aws_s3_bucket", "aws_lambda_function",
  };

  final Inventory inventory;
  final int size;
  final int accounts;
  final int users;
  final int keys;
  /** Keys with {@code last_access > 90days}. */
  final int staleKeys;
  /** Users with a stale key and a name other than jenkins or ci, by name. */
  final Map<String, Integer> staleOwnersByName;
  /** The accounts that query (c) starts from: every tenth. */
  final List<String> selectedAccountNames;
  /** Keys in the selected accounts. */
  final int keysInSelectedAccounts;

  private Organisation(Inventory inventory, int size, int accounts, int users, int keys, int staleKeys,
      Map<String, Integer> staleOwnersByName, List<String> selectedAccountNames, int keysInSelectedAccounts) {
    this.inventory = inventory;
    this.size = size;
    this.accounts = accounts;
    this.users = users;
    this.keys = keys;
    this.staleKeys = staleKeys;
    this.staleOwnersByName = Collections.unmodifiableMap(staleOwnersByName);
    this.selectedAccountNames = List.copyOf(selectedAccountNames);
    this.keysInSelectedAccounts = keysInSelectedAccounts;
  }

  /** The organisation of {@code size} resources (at least 10). */
  static Organisation generate(int size) {
    if (size < 10) {
      throw new IllegalArgumentException("an organisation needs at least 10 resources, got " + size);
    }
    Random random = new Random(SEED);
    int accountCount = Math.max(1, size / 2000);
    Inventory.Builder b = Inventory.builder(KindRegistry.standard());
    b.add(GenericResource.builder("aws", "cloud").name("aws").build());
    int remaining = size - 1;
    int userTotal = 0;
    int keyTotal = 0;
    int stale = 0;
    int selectedKeys = 0;
    long keySerial = 0;
    long principalSerial = 0;
    Map<String, Integer> owners = new HashMap<>();
    List<String> selected = new ArrayList<>();
    for (int a = 0; a < accountCount; a++) {
      int quota = remaining / (accountCount - a); // resources of this account, itself included
      remaining -= quota;
      String accountId = String.format("%012d", 100000000000L + a);
      String accountName = String.format("acct-%04d", a);
      boolean isSelected = a % 10 == 0;
      if (isSelected) {
        selected.add(accountName);
      }
      String regionId = accountId + "/global";
      b.add(AwsAccount.builder(accountId).name(accountName).build());
      b.edge("aws", accountId);
      int used = 1;
      if (quota >= 2) {
        b.add(AwsRegion.builder(regionId).name("global").build());
        b.edge(accountId, regionId);
        used++;
      }
      // Users (with their keys) take about one resource in eight; fillers the rest.
      int userBudget = quota >= 2 ? Math.max(1, quota / 8) : 0;
      List<String> names = userNames(random, userBudget);
      for (int u = 0; u < userBudget && used < quota; u++) {
        String name = names.get(u);
        String userId = String.format("AIDA%017d", principalSerial++);
        Instant userCreated = NOW.minus(Duration.ofDays(400 + random.nextInt(1500)));
        b.add(AwsIamUser.builder(userId)
            .name(name)
            .arn("arn:aws:iam::" + accountId + ":user/" + name)
            .path("/")
            .ctime(userCreated)
            .passwordEnabled(false)
            .mfaActive(random.nextBoolean())
            .build());
        b.edge(regionId, userId);
        used++;
        userTotal++;
        int keyCount = pickKeyCount(random);
        boolean ownerStale = false;
        for (int k = 0; k < keyCount && used < quota; k++) {
          String keyId = String.format("AKIA%016d", keySerial++);
          AwsIamAccessKey.Builder key = AwsIamAccessKey.builder(keyId, name)
              .status(random.nextInt(10) == 0 ? AccessKeyStatus.INACTIVE : AccessKeyStatus.ACTIVE);
          int use = random.nextInt(100);
          Instant created = NOW.minus(Duration.ofDays(100 + random.nextInt(300)));
          if (use < 45) { // used recently
            key.lastUsed(NOW.minus(Duration.ofSeconds(random.nextInt(89 * 86400))));
          } else if (use < 80) { // stale: 90 to 400 days
            Instant at = NOW.minus(Duration.ofSeconds(90L * 86400 + 1 + random.nextInt(310 * 86400)));
            key.lastUsed(at);
            created = at.minus(Duration.ofDays(1 + random.nextInt(200)));
            stale++;
            ownerStale = true;
          } else if (use < 96) {
            key.neverUsed();
          } else {
            key.unknownUse();
          }
          b.add(key.ctime(created).build());
          b.edge(userId, keyId);
          b.edge(userId, keyId, EdgeType.DELETE);
          used++;
          keyTotal++;
          if (isSelected) {
            selectedKeys++;
          }
        }
        if (ownerStale && !EXCLUDED.contains(name)) {
          owners.merge(name, 1, Integer::sum);
        }
      }
      for (int f = 0; used < quota; f++, used++) {
        String id = "arn:aws:filler::" + accountId + ":" + f;
        int pick = random.nextInt(20);
        Instant created = NOW.minus(Duration.ofDays(1 + random.nextInt(1000)));
        if (pick == 0) {
          b.add(AwsIamGroup.builder(String.format("AGPA%017d", principalSerial++)).name("group-" + f)
              .arn("arn:aws:iam::" + accountId + ":group/group-" + f).path("/").ctime(created).build());
        } else if (pick <= 2) {
          b.add(AwsIamRole.builder(String.format("AROA%017d", principalSerial++)).name("role-" + f)
              .arn("arn:aws:iam::" + accountId + ":role/role-" + f).path("/").ctime(created)
              .atime(NOW.minus(Duration.ofDays(random.nextInt(200)))).build());
        } else {
          String kind = FILLER_KINDS[random.nextInt(FILLER_KINDS.length)];
          b.add(GenericResource.builder(id, kind).name(kind.substring(4) + "-" + f).ctime(created)
              .tag("owner", "team-" + random.nextInt(20)).build());
        }
        // The ids of typed principals are generated above; link whichever node was added last.
        b.edge(regionId, lastId(pick, id, principalSerial));
      }
    }
    return new Organisation(b.build(), size, accountCount, userTotal, keyTotal, stale, owners, selected, selectedKeys);
  }

  private static String lastId(int pick, String genericId, long principalSerial) {
    if (pick == 0) {
      return String.format("AGPA%017d", principalSerial - 1);
    }
    if (pick <= 2) {
      return String.format("AROA%017d", principalSerial - 1);
    }
    return genericId;
  }

  /** 0, 1 or 2 keys: 20 %, 55 %, 25 %. */
  private static int pickKeyCount(Random random) {
    int r = random.nextInt(20);
    return r < 4 ? 0 : r < 15 ? 1 : 2;
  }

  /** {@code n} distinct user names for one account: most service names (jenkins and ci in 4 of 5), then people. */
  private static List<String> userNames(Random random, int n) {
    List<String> out = new ArrayList<>(n);
    Set<String> taken = new HashSet<>();
    for (String s : SERVICE_NAMES) {
      if (out.size() < n && random.nextInt(5) != 0 && taken.add(s)) {
        out.add(s);
      }
    }
    while (out.size() < n) {
      String name = String.format("user-%04d", random.nextInt(PERSON_NAMES));
      if (taken.add(name)) {
        out.add(name);
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  @Override
  public String toString() {
    return "Organisation(" + size + " resources, " + accounts + " accounts, " + users + " users, " + keys + " keys)";
  }
}
