package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inventory.BaseKinds;
import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import dev.inventory.ValueType;
import org.junit.jupiter.api.Test;

class AwsKindsTest {
  private final KindRegistry kinds = KindRegistry.standard();

  @Test
  void should_register_every_aws_kind_in_the_standard_registry_through_the_service_loader() {
    // GIVEN the module on the class path
    // WHEN the standard registry is asked
    // THEN it knows every AWS kind
    assertThat(kinds.kinds()).extracting(Kind::name).contains(
        "aws_resource", "aws_account", "aws_region", "aws_iam_user", "aws_root_user",
        "aws_iam_access_key", "aws_iam_group", "aws_iam_role");
    assertThat(AwsKinds.all()).hasSize(8).first().extracting(Kind::name).isEqualTo(AwsKinds.AWS_RESOURCE);
    assertThat(new AwsKindProvider().kinds()).isSameAs(AwsKinds.all());
  }

  @Test
  void should_place_aws_kinds_below_their_base_kind_and_aws_resource() {
    // GIVEN the standard registry
    // WHEN / THEN each AWS kind is a subkind of its base kind and of aws_resource
    assertThat(kinds.isSubkind("aws_iam_access_key", "access_key")).isTrue();
    assertThat(kinds.isSubkind("aws_iam_user", "user")).isTrue();
    assertThat(kinds.isSubkind("aws_root_user", "user")).isTrue();
    assertThat(kinds.isSubkind("aws_account", "account")).isTrue();
    assertThat(kinds.isSubkind("aws_region", "region")).isTrue();
    assertThat(kinds.isSubkind("aws_iam_group", "group")).isTrue();
    assertThat(kinds.isSubkind("aws_iam_role", "role")).isTrue();
    assertThat(kinds.lineage("aws_iam_access_key"))
        .containsExactlyInAnyOrder("aws_iam_access_key", "access_key", "aws_resource", "resource");
    assertThat(kinds.subkinds("user")).contains("aws_iam_user", "aws_root_user");
    assertThat(kinds.subkinds("aws_resource")).hasSize(8);
    assertThat(kinds.isSubkind("aws_iam_user", "access_key")).isFalse();
  }

  @Test
  void should_declare_only_kind_specific_properties_and_inherit_the_rest() {
    // GIVEN the access key kind
    Kind key = kinds.kind("aws_iam_access_key").orElseThrow();
    // WHEN its own and its resolved properties are listed
    // THEN it declares only user_name and access_key_last_used, and inherits status, last use and times
    assertThat(key.properties()).containsOnlyKeys("user_name", "access_key_last_used");
    assertThat(key.properties().get("access_key_last_used").type()).isEqualTo(ValueType.OBJECT);
    assertThat(kinds.properties("aws_iam_access_key")).containsKeys(
        "id", "kind", "name", "tags", "ctime", "mtime", "atime", "access_key_status", "last_use",
        "user_name", "access_key_last_used");
    assertThat(kinds.kind("aws_iam_user").orElseThrow().properties())
        .containsOnlyKeys("arn", "path", "password_enabled", "mfa_active");
    assertThat(kinds.kind("aws_root_user").orElseThrow().properties())
        .containsOnlyKeys("arn", "password_enabled", "mfa_active");
    assertThat(kinds.kind("aws_iam_role").orElseThrow().properties()).containsOnlyKeys("arn", "path");
    assertThat(kinds.property("aws_iam_user", "password_enabled").orElseThrow().type()).isEqualTo(ValueType.BOOLEAN);
  }

  @Test
  void should_give_every_concrete_aws_kind_a_factory_and_a_java_type_that_is_an_aws_resource() {
    // GIVEN the AWS kinds
    for (Kind k : AwsKinds.all()) {
      // WHEN / THEN all but the abstract aws_resource create typed resources
      assertThat(AwsResource.class.isAssignableFrom(k.javaType())).as(k.name()).isTrue();
      assertThat(k.factory().isPresent()).as(k.name()).isEqualTo(!k.name().equals(AwsKinds.AWS_RESOURCE));
      assertThat(k.isDeclared()).isTrue();
    }
    assertThat(kinds.kind("aws_resource").orElseThrow().bases()).containsExactly(BaseKinds.RESOURCE);
  }
}
