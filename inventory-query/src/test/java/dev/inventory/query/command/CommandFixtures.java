package dev.inventory.query.command;

import static dev.inventory.aws.Fixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.Inventory;
import dev.inventory.query.parse.ErrorCode;
import dev.inventory.query.parse.QuerySyntaxException;
import dev.inventory.aws.Fixtures;
import dev.inventory.state.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A small AWS organisation with fixed ids and times, and golden files. */
final class CommandFixtures {
  static final Instant NOW = Instant.parse("2026-05-01T10:30:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private CommandFixtures() {}

  /**
   * Two accounts: prod has jenkins (a key used 120 days ago), nancy (one key used 200 days ago in
   * s3, one inactive key used yesterday) and ci (a key never used); staging has jenkins (a key used
   * 150 days ago).
   */
  static Inventory organisation() {
    return Fixtures.aws(CLOCK)
        .account("111111111111", "prod", a -> a
            .user("jenkins", u -> u.created(daysAgo(800))
                .accessKey("AKIAJENKINS000000001", k -> k.created(daysAgo(400)).lastUsed(daysAgo(120))))
            .user("nancy", u -> u.created(daysAgo(700)).mfaActive(true)
                .accessKey("AKIANANCY00000000001", k -> k.created(daysAgo(300)).lastUsed(daysAgo(200), "s3", "eu-west-1"))
                .accessKey("AKIANANCY00000000002", k -> k.created(daysAgo(30)).lastUsed(daysAgo(1)).inactive()))
            .user("ci", u -> u.created(daysAgo(600))
                .accessKey("AKIACI00000000000001", k -> k.created(daysAgo(500)).neverUsed())))
        .account("222222222222", "staging", a -> a
            .user("jenkins", u -> u.created(daysAgo(900))
                .accessKey("AKIASTAGING000000001", k -> k.created(daysAgo(200)).lastUsed(daysAgo(150)))))
        .build();
  }

  static Commands commands(StateStore state) {
    return Commands.builder().inventory(organisation()).state(state).clock(CLOCK).build();
  }

  /** Runs {@code line} and checks it fails with {@code code}, pointing at the text that starts with {@code at}. */
  static void assertLineError(Commands commands, String line, ErrorCode code, String at) {
    QuerySyntaxException e = catchThrowableOfType(QuerySyntaxException.class, () -> commands.execute(line));
    assertThat(e).as(line).isNotNull();
    assertThat(e.code()).as(line + ": " + e.getMessage()).isEqualTo(code);
    assertThat(e.text()).isEqualTo(line);
    assertThat(line.substring(e.offset())).as(line + ": " + e.getMessage()).startsWith(at);
    assertThat(e.getMessage()).doesNotContain("Exception");
  }

  /** The text of a golden file next to this class, without a trailing newline. */
  static String golden(String name) {
    try (InputStream in = CommandFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
