package dev.inventory.aws.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The live access keys of one owner, in creation order; guarded by the account. */
final class OwnedKeys {
  private final FakeAccount account;
  private final String owner;
  private final List<FakeKey> keys = new ArrayList<>();

  OwnedKeys(FakeAccount account, String owner) {
    this.account = account;
    this.owner = owner;
  }

  FakeKey add(String id, Instant created) {
    synchronized (account) {
      account.claimKeyId(id);
      FakeKey k = new FakeKey(account, id, owner, created);
      keys.add(k);
      keys.sort(Comparator.comparing(FakeKey::created));
      return k;
    }
  }

  List<FakeKey> list() {
    synchronized (account) {
      return List.copyOf(keys);
    }
  }

  Optional<FakeKey> find(String id) {
    synchronized (account) {
      return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }
  }

  boolean isEmpty() {
    synchronized (account) {
      return keys.isEmpty();
    }
  }

  void remove(FakeKey k) {
    synchronized (account) {
      if (keys.remove(k)) {
        k.markDeleted();
        account.releaseKeyId(k.id());
      }
    }
  }

  void removeAll() {
    for (FakeKey k : list()) {
      remove(k);
    }
  }
}
