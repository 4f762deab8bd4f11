package dev.inventory.readme;

import static dev.inventory.aws.Fixtures.daysAgo;

import dev.inventory.AccessKey;
import dev.inventory.EdgeType;
import dev.inventory.Inventory;
import dev.inventory.Resource;
import dev.inventory.aws.Fixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The README's "model in five minutes". */
final class ModelSnippet {
  private ModelSnippet() {}

  static Object run() {
    // snippet
    // A fixture with a fixed clock: cloud aws -> account -> region global -> user -> access key,
    // plus user -delete-> key (a user can only be deleted once its keys are gone).
    Clock clock = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);
    Inventory inventory = Fixtures.aws(clock)
        .account("111111111111", "prod", a -> a
            .user("jenkins", u -> u
                .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120)))
                .accessKey(k -> k.created(daysAgo(500)).neverUsed().inactive())))
        .build();

    inventory.ofKind("access_key");                        // every access key: base kinds include subkinds
    inventory.ofType(AccessKey.class);                     // the same, typed
    inventory.predecessors("AKIAJENKINS000000001", EdgeType.DEFAULT);  // [the user jenkins]
    Resource key = inventory.node("AKIAJENKINS000000001").orElseThrow();
    Object status = inventory.kinds().read(key, "access_key_status");  // "Active": typed read by snake_case name
    // end snippet
    return status;
  }
}
