package dev.inventory.state;

/** The {@link StateStore} contract for {@link StateStore#inMemory()}. */
class InMemoryStateStoreTest extends StateStoreContract {
  @Override
  StateStore newStore() {
    return StateStore.inMemory();
  }
}
