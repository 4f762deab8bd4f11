package dev.inventory.readme;

import dev.inventory.Inventory;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureFormat;
import dev.inventory.state.StateStore;
import java.nio.file.Path;

/** The README's fixture section (compiled only: it reads a file). */
final class FixtureSnippet {
  private FixtureSnippet() {}

  static Inventory run() {
    // snippet
    Fixture fixture = FixtureFormat.read(Path.of("org.ndjson"));    // a Fixture: the graph and the state
    Inventory inventory = fixture.inventory();
    StateStore state = StateStore.jsonFile(Path.of("state.json"));
    fixture.loadStateInto(state);                                   // the lines' desired and metadata
    FixtureFormat.write(inventory, state.all(), Path.of("copy.ndjson"));   // reads back equal
    // end snippet
    return inventory;
  }
}
