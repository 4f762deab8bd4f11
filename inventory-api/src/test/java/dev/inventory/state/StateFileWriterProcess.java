package dev.inventory.state;

import java.nio.file.Path;

/**
 * The other process in {@link JsonFileStateStoreProcessTest}: opens a store on the file given as
 * the first argument and increments the {@code count} progress of node {@code shared} and of its
 * own node as often as the second argument says.
 */
final class StateFileWriterProcess {
  private StateFileWriterProcess() {}

  public static void main(String[] args) {
    StateStore store = StateStore.jsonFile(Path.of(args[0]));
    String own = args[2];
    int n = Integer.parseInt(args[1]);
    for (int i = 0; i < n; i++) {
      store.update("shared", StateStoreContract.increment("count"));
      store.update(own, StateStoreContract.increment("count"));
    }
  }
}
