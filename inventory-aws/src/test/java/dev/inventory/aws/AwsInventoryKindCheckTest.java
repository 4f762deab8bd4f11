package dev.inventory.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inventory.AccessKey;
import dev.inventory.AccessKeyStatus;
import dev.inventory.GenericResource;
import dev.inventory.InvalidInventoryException;
import dev.inventory.Inventory;
import dev.inventory.KindRegistry;
import dev.inventory.LastUse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The AWS classes fix their kind, so a mismatch can only come from a hand-written resource; the
 * inventory builder must refuse it.
 */
class AwsInventoryKindCheckTest {

  /** Implements AccessKey but claims to be an IAM user. */
  private record Impostor(String id) implements AccessKey {
    @Override
    public String kind() {
      return AwsKinds.AWS_IAM_USER;
    }

    @Override
    public Optional<String> name() {
      return Optional.empty();
    }

    @Override
    public Map<String, String> tags() {
      return Map.of();
    }

    @Override
    public Optional<Instant> ctime() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> mtime() {
      return Optional.empty();
    }

    @Override
    public Optional<Instant> atime() {
      return Optional.empty();
    }

    @Override
    public Optional<AccessKeyStatus> accessKeyStatus() {
      return Optional.empty();
    }

    @Override
    public LastUse lastUse() {
      return LastUse.unknown();
    }
  }

  @Test
  void should_reject_a_resource_that_claims_an_aws_kind_its_java_type_does_not_have() {
    // GIVEN an access key claiming kind aws_iam_user
    Inventory.Builder b = Inventory.builder(KindRegistry.standard());
    // WHEN it is added / THEN it is refused with a message naming id, kind and Java type
    assertThatThrownBy(() -> b.add(new Impostor("AKIAIMPOSTOR00000000")))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining("'AKIAIMPOSTOR00000000'")
        .hasMessageContaining("aws_iam_user")
        .hasMessageContaining(AwsIamUser.class.getName());
  }

  @Test
  void should_reject_a_generic_resource_posing_as_a_typed_aws_kind() {
    // GIVEN a generic resource of kind aws_iam_access_key, which has a Java class of its own
    GenericResource generic = GenericResource.builder("AKIAGENERIC000000000", "aws_iam_access_key").build();
    // WHEN it is added / THEN it is refused
    assertThatThrownBy(() -> Inventory.builder(KindRegistry.standard()).add(generic))
        .isInstanceOf(InvalidInventoryException.class)
        .hasMessageContaining(AwsIamAccessKey.class.getName());
  }

  @Test
  void should_accept_the_typed_classes_under_their_own_kinds() {
    // GIVEN one resource of each AWS class
    Inventory inv = Inventory.builder(KindRegistry.standard())
        .add(AwsAccount.builder("111111111111").build())
        .add(AwsRegion.builder("111111111111/global").build())
        .add(AwsIamUser.builder("AIDA1").build())
        .add(AwsRootUser.forAccount("111111111111").build())
        .add(AwsIamAccessKey.builder("AKIAAAAAAAAAAAAAAAAA", "ci").build())
        .add(AwsIamGroup.builder("AGPA1").build())
        .add(AwsIamRole.builder("AROA1").build())
        .build();
    // WHEN / THEN all are there, each findable by its kind
    assertThat(inv.size()).isEqualTo(7);
    for (String kind : new String[] {"aws_account", "aws_region", "aws_iam_user", "aws_root_user",
        "aws_iam_access_key", "aws_iam_group", "aws_iam_role"}) {
      assertThat(inv.ofKind(kind)).as(kind).hasSize(1);
    }
  }
}
