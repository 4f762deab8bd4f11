package dev.inventory.aws;

import dev.inventory.BaseKinds;
import dev.inventory.Kind;
import java.util.List;

/**
 * The kinds this module declares, by name, and their declarations. They reach {@link
 * dev.inventory.KindRegistry#standard()} through {@link AwsKindProvider} whenever this module is on
 * the class path.
 *
 * <pre>{@code
 * KindRegistry kinds = KindRegistry.standard();
 * kinds.isSubkind(AwsKinds.AWS_IAM_ACCESS_KEY, BaseKinds.ACCESS_KEY);   // true
 * }</pre>
 *
 * <p>Hierarchy (as in Fix Inventory): {@code aws_resource} &lt; {@code resource}; every other kind
 * has a base kind and {@code aws_resource} as bases, for example {@code aws_iam_access_key} &lt;
 * {@code access_key}, {@code aws_resource}.
 */
public final class AwsKinds {
  /** {@code aws_resource}: base of every AWS kind. */
  public static final String AWS_RESOURCE = "aws_resource";
  /** {@code aws_account}: {@link AwsAccount}. */
  public static final String AWS_ACCOUNT = "aws_account";
  /** {@code aws_region}: {@link AwsRegion}. */
  public static final String AWS_REGION = "aws_region";
  /** {@code aws_iam_user}: {@link AwsIamUser}. */
  public static final String AWS_IAM_USER = "aws_iam_user";
  /** {@code aws_root_user}: {@link AwsRootUser}. */
  public static final String AWS_ROOT_USER = "aws_root_user";
  /** {@code aws_iam_access_key}: {@link AwsIamAccessKey}. */
  public static final String AWS_IAM_ACCESS_KEY = "aws_iam_access_key";
  /** {@code aws_iam_group}: {@link AwsIamGroup}. */
  public static final String AWS_IAM_GROUP = "aws_iam_group";
  /** {@code aws_iam_role}: {@link AwsIamRole}. */
  public static final String AWS_IAM_ROLE = "aws_iam_role";

  private static final List<Kind> ALL = List.of(
      Kind.builder(AWS_RESOURCE, AwsResource.class).bases(BaseKinds.RESOURCE).build(),
      Kind.builder(AWS_ACCOUNT, AwsAccount.class)
          .bases(BaseKinds.ACCOUNT, AWS_RESOURCE)
          .properties(AwsAccount.PROPERTIES)
          .factory(AwsAccount::fromValues)
          .build(),
      Kind.builder(AWS_REGION, AwsRegion.class)
          .bases(BaseKinds.REGION, AWS_RESOURCE)
          .properties(AwsRegion.PROPERTIES)
          .factory(AwsRegion::fromValues)
          .build(),
      Kind.builder(AWS_IAM_USER, AwsIamUser.class)
          .bases(BaseKinds.USER, AWS_RESOURCE)
          .properties(AwsIamUser.PROPERTIES)
          .factory(AwsIamUser::fromValues)
          .build(),
      Kind.builder(AWS_ROOT_USER, AwsRootUser.class)
          .bases(BaseKinds.USER, AWS_RESOURCE)
          .properties(AwsRootUser.PROPERTIES)
          .factory(AwsRootUser::fromValues)
          .build(),
      Kind.builder(AWS_IAM_ACCESS_KEY, AwsIamAccessKey.class)
          .bases(BaseKinds.ACCESS_KEY, AWS_RESOURCE)
          .properties(AwsIamAccessKey.PROPERTIES)
          .factory(AwsIamAccessKey::fromValues)
          .build(),
      Kind.builder(AWS_IAM_GROUP, AwsIamGroup.class)
          .bases(BaseKinds.GROUP, AWS_RESOURCE)
          .properties(AwsIamGroup.PROPERTIES)
          .factory(AwsIamGroup::fromValues)
          .build(),
      Kind.builder(AWS_IAM_ROLE, AwsIamRole.class)
          .bases(BaseKinds.ROLE, AWS_RESOURCE)
          .properties(AwsIamRole.PROPERTIES)
          .factory(AwsIamRole::fromValues)
          .build());

  private AwsKinds() {}

  /**
   * Every AWS kind, {@code aws_resource} first.
   *
   * @return the AWS kinds, to register in a {@code KindRegistry}
   */
  public static List<Kind> all() {
    return ALL;
  }
}
