package dev.inventory.aws;

import static dev.inventory.aws.TestSupport.map;
import static dev.inventory.aws.TestSupport.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.inventory.KindRegistry;
import dev.inventory.PropertyValueException;
import dev.inventory.PropertyValues;
import dev.inventory.Resource;
import dev.inventory.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Factories and value semantics of the AWS kinds other than the access key. */
class AwsResourceFactoriesTest {
  private static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant USED = Instant.parse("2025-12-30T08:00:00Z");

  @Test
  void should_create_an_iam_user_from_valid_values_keeping_what_its_kind_does_not_declare() {
    // GIVEN the values of a user, one of them undeclared (as Fix Inventory exports carry)
    PropertyValues v = new PropertyValues("AIDAEXAMPLE", "aws_iam_user",
        map("name", "nancy", "arn", "arn:aws:iam::111111111111:user/data/nancy", "path", "/data/",
            "ctime", CREATED, "atime", USED, "password_enabled", true, "mfa_active", false,
            "tags", Map.of("team", "data")),
        map("user_policies", List.of(Map.of("policy_name", "read"))));
    // WHEN the factory creates it
    AwsIamUser u = AwsIamUser.fromValues(v);
    // THEN every value is typed, atime is the password's last use, and nothing is lost
    assertThat(u.name()).contains("nancy");
    assertThat(u.arn()).contains("arn:aws:iam::111111111111:user/data/nancy");
    assertThat(u.path()).contains("/data/");
    assertThat(u.passwordEnabled()).contains(true);
    assertThat(u.mfaActive()).contains(false);
    assertThat(u.passwordLastUsed()).contains(USED);
    assertThat(u.atime()).contains(USED);
    assertThat(u.tags()).containsEntry("team", "data");
    assertThat(u.additionalProperties()).isEqualTo(Map.of("user_policies", List.of(Map.of("policy_name", "read"))));
    assertThat(TestSupport.create(TestSupport.export(u))).isEqualTo(u);
  }

  @Test
  void should_keep_absent_flags_absent_instead_of_inventing_false() {
    // GIVEN a user with only a name
    AwsIamUser u = AwsIamUser.fromValues(values("AIDAEXAMPLE", "aws_iam_user", map("name", "ci")));
    // WHEN its flags are read through the registry
    // THEN they are absent
    assertThat(u.passwordEnabled()).isEmpty();
    assertThat(KindRegistry.standard().read(u, "mfa_active")).isNull();
    assertThat(KindRegistry.standard().read(u, "arn")).isNull();
  }

  @Test
  void should_reject_a_flag_that_is_not_a_boolean_naming_the_property() {
    // GIVEN / WHEN
    PropertyValueException e = catchThrowableOfType(PropertyValueException.class, () -> AwsIamUser.fromValues(
        values("AIDAEXAMPLE", "aws_iam_user", map("password_enabled", "yes"))));
    // THEN
    assertThat(e.property()).isEqualTo("password_enabled");
    assertThat(e.expected()).isEqualTo("true or false");
  }

  @Test
  void should_create_a_root_user_named_root_with_the_root_arn_as_id() {
    // GIVEN the root user of an account
    AwsRootUser root = AwsRootUser.forAccount("111111111111").mfaActive(true).atime(USED).build();
    // WHEN it is read, and exported and created again
    // THEN it has the documented id, name and ARN, is a user, and survives the round trip
    assertThat(root.id()).isEqualTo("arn:aws:iam::111111111111:root");
    assertThat(root.arn()).contains("arn:aws:iam::111111111111:root");
    assertThat(root.name()).contains("root");
    assertThat(root.kind()).isEqualTo("aws_root_user");
    assertThat(root).isInstanceOf(User.class);
    assertThat(KindRegistry.standard().read(root, "mfa_active")).isEqualTo(true);
    assertThat(TestSupport.create(TestSupport.export(root))).isEqualTo(root);
  }

  @Test
  void should_name_a_root_user_root_even_when_the_source_leaves_the_name_out() {
    // GIVEN / WHEN
    AwsRootUser root = AwsRootUser.fromValues(
        values("arn:aws:iam::222222222222:root", "aws_root_user", map("password_enabled", false)));
    // THEN
    assertThat(root.name()).contains("root");
    assertThat(root.passwordEnabled()).contains(false);
  }

  @Test
  void should_round_trip_groups_roles_accounts_and_regions() {
    // GIVEN one of each, with every value set
    List<Resource> resources = List.of(
        AwsIamGroup.builder("AGPAEXAMPLE").name("admins").arn("arn:aws:iam::111111111111:group/admins")
            .path("/").ctime(CREATED).build(),
        AwsIamRole.builder("AROAEXAMPLE").name("deployer").arn("arn:aws:iam::111111111111:role/deployer")
            .path("/").ctime(CREATED).atime(USED).tag("env", "prod").additionalProperty("max_session", 3600L).build(),
        AwsAccount.builder("111111111111").name("prod").build(),
        AwsRegion.builder("111111111111/global").name("global").mtime(CREATED).build());
    for (Resource r : resources) {
      // WHEN each is exported and created again by its kind's factory
      Resource back = TestSupport.create(TestSupport.export(r));
      // THEN it is equal, of the same class
      assertThat(back).as(r.kind()).isEqualTo(r).hasSameHashCodeAs(r).isInstanceOf(r.getClass());
    }
  }

  @Test
  void should_read_role_properties_through_the_registry() {
    // GIVEN a role
    AwsIamRole role = AwsIamRole.builder("AROAEXAMPLE").name("deployer").path("/ci/").atime(USED).build();
    // WHEN / THEN
    assertThat(KindRegistry.standard().read(role, "path")).isEqualTo("/ci/");
    assertThat(KindRegistry.standard().read(role, "atime")).isEqualTo(USED);
    assertThat(KindRegistry.standard().read(role, "name")).isEqualTo("deployer");
  }

  @Test
  void should_compare_by_class_as_well_as_values() {
    // GIVEN an account and a region with the same id and name
    AwsAccount account = AwsAccount.builder("x").name("n").build();
    AwsRegion region = AwsRegion.builder("x").name("n").build();
    // WHEN / THEN they are not equal
    assertThat((Object) account).isNotEqualTo(region);
    assertThat(account.toString()).isEqualTo("AwsAccount{id=x, name=n}");
    assertThat(region.toBuilder().name("global").build().name()).contains("global");
  }

  @Test
  void should_reject_an_additional_value_named_like_a_declared_property() {
    // GIVEN / WHEN / THEN
    assertThatThrownBy(() -> AwsIamUser.builder("AIDA").additionalProperty("arn", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'arn'");
    assertThatThrownBy(() -> AwsAccount.builder("1").additionalProperty("ctime", "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ctime'");
  }

  @Test
  void should_keep_resources_immutable() {
    // GIVEN a user built from a mutable tag map
    Map<String, String> tags = new java.util.HashMap<>(Map.of("a", "1"));
    AwsIamUser u = AwsIamUser.builder("AIDA").tags(tags).additionalProperty("list", new java.util.ArrayList<>(List.of(1)))
        .build();
    // WHEN the source map changes
    tags.put("b", "2");
    // THEN the user does not, and its maps cannot be changed
    assertThat(u.tags()).containsOnlyKeys("a");
    assertThatThrownBy(() -> u.tags().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> u.additionalProperties().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(u.additionalProperties().get("list")).isEqualTo(List.of(1L));
  }
}
