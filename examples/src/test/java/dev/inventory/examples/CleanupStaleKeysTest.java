package dev.inventory.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.cleanup.CleanupReport;
import dev.inventory.cleanup.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CleanupStaleKeysTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void should_mark_stale_and_old_never_used_keys_and_clean_them_only_without_dry_run() {
    // GIVEN
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    // WHEN
    CleanupReport dry = CleanupStaleKeys.run(CLOCK, true, print);
    CleanupReport real = CleanupStaleKeys.run(CLOCK, false, print);
    // THEN the 26 stale keys plus the never-used keys of legacy-batch created over a year ago
    int legacyAccounts = (int) DemoOrganisation.ACCOUNTS.keySet().stream().filter(a -> {
      int n = Integer.parseInt(a.substring(a.length() - 2)) - 1;
      return n % 4 == 1;
    }).count();
    assertThat(dry.count(Outcome.WOULD_CLEAN)).isEqualTo(26 + legacyAccounts);
    assertThat(dry.count(Outcome.CLEANED)).isZero();
    assertThat(real.count(Outcome.CLEANED)).isEqualTo(26 + legacyAccounts);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("unused for 90 days");
  }
}
