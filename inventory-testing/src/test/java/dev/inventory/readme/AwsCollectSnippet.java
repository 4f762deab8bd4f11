package dev.inventory.readme;

import dev.inventory.Inventory;
import dev.inventory.aws.AwsAccess;
import dev.inventory.aws.AwsSession;
import dev.inventory.aws.IamCollector;
import dev.inventory.aws.LastUsedMode;
import dev.inventory.collect.CollectContext;
import dev.inventory.collect.CollectResult;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's AWS collect from Java (compiled only: it calls AWS). */
final class AwsCollectSnippet {
  private AwsCollectSnippet() {}

  static Inventory run() {
    // snippet
    Logger log = LoggerFactory.getLogger("inventory");
    Inventory inventory;
    try (AwsSession aws = AwsSession.builder()
        .access(AwsAccess.profile("audit"))                                          // one account
        .access(AwsAccess.defaultCredentials()
            .assumeRole("arn:aws:iam::222222222222:role/inventory", "ext-7f3a"))    // another, by role
        .requestsPerSecond(10)                                                       // per account (default)
        .retries(10, Duration.ofMillis(500), Duration.ofSeconds(20))                 // the SDK's retries (default)
        .build()) {
      CollectResult collected = IamCollector.builder(aws)
          .lastUsed(LastUsedMode.AUTO)       // PER_KEY, CREDENTIAL_REPORT or AUTO (default)
          .concurrency(8)                    // calls in flight per account (default)
          .build()
          .collect(CollectContext.of(Clock.systemUTC(), p -> log.info("{}: {}", p.source(), p.message())));
      collected.errors().forEach(e -> log.warn("{}", e));   // aws:111111111111: AccessDenied: ...
      inventory = collected.inventory();                     // same shape as Fixtures.aws(clock)
    }
    // end snippet
    return inventory;
  }
}
