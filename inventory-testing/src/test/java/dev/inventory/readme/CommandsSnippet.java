package dev.inventory.readme;

import dev.inventory.Inventory;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.query.command.Commands;
import dev.inventory.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;

/** The README's search section (compiled only: it reads a file). */
final class CommandsSnippet {
  private CommandsSnippet() {}

  static String run() {
    // snippet
    Clock clock = Clock.systemUTC();
    Inventory inventory = FixtureFormat.read(Path.of("org.ndjson")).inventory();   // or collected, or Fixtures.aws(clock)...build()
    StateStore state = StateStore.jsonFile(Path.of("state.json"));
    Commands commands = Commands.builder().inventory(inventory).state(state).clock(clock).build();
    String text = commands.execute(
        "search is(access_key) and last_access > 90days <-- is(user) and name not in [jenkins, ci] | count name").text();
    System.out.println(text);
    // end snippet
    return text;
  }
}
