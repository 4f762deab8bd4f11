package dev.inventory.aws;

import dev.inventory.aws.fake.FakeAccount;
import dev.inventory.aws.fake.FakeIam;
import dev.inventory.aws.fake.FakeUser;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the calls one collect makes, per action, for 1,000 users with 2 keys each in one account:
 * per key and from the credential report, with and without tags. Not a test: run it with
 * {@code java -cp <test classpath> dev.inventory.aws.CallCountReport [users]}.
 */
public final class CallCountReport {
  private CallCountReport() {}

  /** {@code users} users with two keys each (creation times a day apart, half of them used). */
  static void seed(FakeIam fake, String accountId, int users) {
    FakeAccount acct = fake.account(accountId);
    Instant now = IamCollectorTest.NOW;
    for (int i = 0; i < users; i++) {
      FakeUser u = acct.user(String.format("user%05d", i));
      u.tag("team", "t" + (i % 7));
      u.addKey(String.format("AKIACOUNT1%010d", i), now.minus(Duration.ofDays(400 + i % 300)))
          .lastUsed(now.minus(Duration.ofDays(i % 90)), "s3", "us-east-1");
      u.addKey(String.format("AKIACOUNT2%010d", i), now.minus(Duration.ofDays(20 + i % 300))).neverUsed();
    }
  }

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    System.out.printf("one account, %d users x 2 keys%n", users);
    for (LastUsedMode mode : new LastUsedMode[] {LastUsedMode.PER_KEY, LastUsedMode.CREDENTIAL_REPORT}) {
      for (boolean tags : new boolean[] {true, false}) {
        try (FakeIam fake = FakeIam.builder().clock(IamCollectorTest.CLOCK).start()) {
          seed(fake, "111111111111", users);
          CollectResult r;
          try (AwsSession session = AwsTestSessions.fast(fake, "111111111111")) {
            r = IamCollector.builder(session).lastUsed(mode).userTags(tags)
                .reportPolling(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(20))
                .build().collect(CollectContext.of(IamCollectorTest.CLOCK));
          }
          Map<String, Long> counts = new TreeMap<>(fake.callCounts());
          long total = counts.values().stream().mapToLong(Long::longValue).sum();
          System.out.printf("%-18s userTags=%-5s total=%5d errors=%d keys=%d  %s%n", mode.cliName(), tags, total,
              r.errors().size(), r.inventory().ofKind(AwsKinds.AWS_IAM_ACCESS_KEY).size(), counts);
        }
      }
    }
  }
}
