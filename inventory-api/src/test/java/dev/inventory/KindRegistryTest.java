package dev.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KindRegistryTest {

  private final KindRegistry kinds = KindRegistry.builder().build();

  @Test
  void should_know_every_base_kind_below_resource() {
    // WHEN / THEN
    assertThat(kinds.kinds()).extracting(Kind::name)
        .containsExactly("resource", "cloud", "account", "region", "user", "group", "role", "access_key");
    assertThat(kinds.lineage("access_key")).containsExactly("access_key", "resource");
    assertThat(kinds.subkinds("resource")).hasSize(8);
    assertThat(kinds.isSubkind("user", "resource")).isTrue();
    assertThat(kinds.isSubkind("resource", "user")).isFalse();
    assertThat(kinds.isSubkind("no_such_kind", "resource")).isFalse();
  }

  @Test
  void should_inherit_properties_from_bases_resource_first() {
    // WHEN
    Map<String, Property<?>> props = kinds.properties("access_key");
    // THEN
    assertThat(props.keySet())
        .containsExactly("id", "kind", "name", "tags", "ctime", "mtime", "atime", "access_key_status", "last_use");
    assertThat(props.get("ctime").type()).isEqualTo(ValueType.DATETIME);
  }

  @Test
  void should_resolve_a_deeper_hierarchy_and_index_subkinds() {
    // GIVEN a kind two levels below a base kind
    KindRegistry r = KindRegistry.builder()
        .add(Kind.builder("cloud_key", TestKey.class).bases("access_key").build())
        .add(Kind.builder("special_key", TestKey.class).bases("cloud_key").build())
        .build();
    // THEN
    assertThat(r.lineage("special_key")).containsExactly("special_key", "cloud_key", "access_key", "resource");
    assertThat(r.subkinds("access_key")).containsExactlyInAnyOrder("access_key", "cloud_key", "special_key");
  }

  @Test
  void should_read_declared_properties_through_accessors_and_others_from_additional_values() {
    // GIVEN
    KindRegistry r = KindRegistry.builder()
        .add(Kind.builder("cloud_key", TestKey.class).bases("access_key").build())
        .build();
    TestKey key = new TestKey("k1", "cloud_key", LastUse.never());
    GenericResource generic = GenericResource.builder("g1", "access_key")
        .property("access_key_status", "Inactive")
        .property("nested", Map.of("a", List.of(1L, 2L)))
        .build();
    // WHEN / THEN
    assertThat(r.read(key, "last_use")).isEqualTo("never");
    assertThat(r.read(key, "access_key_status")).isEqualTo("Active");
    assertThat(r.read(key, "id")).isEqualTo("k1");
    assertThat(r.read(generic, "access_key_status")).isEqualTo("Inactive");
    assertThat(r.read(generic, "nested")).isEqualTo(Map.of("a", List.of(1L, 2L)));
    assertThat(r.read(generic, "missing")).isNull();
  }

  @Test
  void should_reject_a_kind_declared_twice_naming_both_origins() {
    // GIVEN
    KindRegistry.Builder b = KindRegistry.builder();
    b.addAll(List.of(Kind.builder("cloud_key", TestKey.class).bases("access_key").build()), "module A");
    // WHEN / THEN
    assertThatThrownBy(() -> b.addAll(List.of(Kind.builder("cloud_key", TestKey.class).bases("access_key").build()), "module B"))
        .isInstanceOf(InventoryException.class)
        .hasMessage("kind 'cloud_key' is declared twice: by module A and by module B");
  }

  @Test
  void should_reject_a_missing_base_kind() {
    assertThatThrownBy(() -> KindRegistry.builder().add(Kind.builder("x_key", TestKey.class).bases("nope").build()).build())
        .isInstanceOf(InventoryException.class)
        .hasMessage("kind 'x_key' has unknown base kind 'nope'");
  }

  @Test
  void should_reject_a_java_type_that_does_not_implement_its_base_kinds_type() {
    // GIVEN a "user" kind whose Java class is an access key
    Kind wrong = Kind.builder("odd_user", TestKey.class).bases("user").build();
    // WHEN / THEN
    assertThatThrownBy(() -> KindRegistry.builder().add(wrong).build())
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining("kind 'odd_user' has base kind 'user'")
        .hasMessageContaining("must implement dev.inventory.User");
  }

  @Test
  void should_reject_a_property_whose_owner_the_java_type_does_not_implement() {
    assertThatThrownBy(() -> Kind.builder("odd_key", TestKey.class)
            .property(Property.of(User.class, "login", ValueType.STRING, u -> "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("property 'login' of kind 'odd_key' is declared by dev.inventory.User");
  }

  @Test
  void should_reject_names_that_are_not_snake_case() {
    assertThatThrownBy(() -> Kind.builder("AwsKey", TestKey.class))
        .hasMessageContaining("kind name must be snake_case");
    assertThatThrownBy(() -> Property.of(Resource.class, "lastUse", ValueType.STRING, r -> null))
        .hasMessageContaining("property name must be snake_case");
  }

  @Test
  void should_add_discovered_kinds_without_changing_the_original() {
    // WHEN
    KindRegistry more = kinds.withDiscovered(List.of(Kind.discovered("aws_kms_key", List.of("access_key"))));
    // THEN
    assertThat(more.isSubkind("aws_kms_key", "access_key")).isTrue();
    assertThat(more.kind("aws_kms_key")).map(Kind::isDeclared).contains(false);
    assertThat(kinds.contains("aws_kms_key")).isFalse();
    assertThat(kinds.withDiscovered(List.of())).isSameAs(kinds);
  }

  @Test
  void should_suggest_close_kind_names() {
    assertThat(kinds.closest("acess_key", 3)).first().isEqualTo("access_key");
    assertThat(kinds.closest("users", 3)).first().isEqualTo("user");
    assertThat(kinds.closest("zzzzzzzzzzzz", 3)).isEmpty();
  }

  /** A minimal typed access key for tests. */
  record TestKey(String id, String kind, LastUse lastUse) implements AccessKey {
    @Override
    public Optional<String> name() {
      return Optional.empty();
    }

    @Override
    public Map<String, String> tags() {
      return Map.of();
    }

    @Override
    public Optional<java.time.Instant> ctime() {
      return Optional.empty();
    }

    @Override
    public Optional<java.time.Instant> mtime() {
      return Optional.empty();
    }

    @Override
    public Optional<java.time.Instant> atime() {
      return lastUse.at();
    }

    @Override
    public Optional<AccessKeyStatus> accessKeyStatus() {
      return Optional.of(AccessKeyStatus.ACTIVE);
    }
  }
}
