package dev.inventory.cleanup;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.BaseKinds;
import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import dev.inventory.LastUse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A typed access key kind for cleanup tests ({@code test_access_key < access_key}), so that the
 * executor's access-key rules (last use, status) are tested without inventory-aws.
 */
record TestKey(String id, Optional<String> name, Optional<AccessKeyStatus> accessKeyStatus, LastUse lastUse,
    Optional<Instant> ctime) implements AccessKey {

  static final String KIND = "test_access_key";

  static final Kind DECLARATION = Kind.builder(KIND, TestKey.class).bases(BaseKinds.ACCESS_KEY).build();

  static KindRegistry registry() {
    return KindRegistry.builder().add(DECLARATION).build();
  }

  static TestKey active(String id, String owner, LastUse lastUse) {
    return new TestKey(id, Optional.of(owner), Optional.of(AccessKeyStatus.ACTIVE), lastUse, Optional.empty());
  }

  TestKey withStatus(AccessKeyStatus status) {
    return new TestKey(id, name, Optional.of(status), lastUse, ctime);
  }

  TestKey withLastUse(LastUse use) {
    return new TestKey(id, name, accessKeyStatus, use, ctime);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<String, String> tags() {
    return Map.of();
  }

  @Override
  public Optional<Instant> mtime() {
    return Optional.empty();
  }

  @Override
  public Optional<Instant> atime() {
    return lastUse.at();
  }
}
