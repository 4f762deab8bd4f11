package dev.inventory.aws;

import dev.inventory.Role;
import dev.inventory.Property;
import dev.inventory.PropertyValues;
import dev.inventory.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM role (kind {@code aws_iam_role} &lt; {@code role}, {@code aws_resource}): node id =
 * RoleId, with its name, {@code arn} and {@code path}; {@code atime} = when the role was last used.
 *
 * <pre>{@code
 * AwsIamRole deployer = AwsIamRole.builder("AROAEXAMPLE0000000001")
 *     .name("deployer")
 *     .arn("arn:aws:iam::111111111111:role/deployer")
 *     .atime(Instant.parse("2026-01-02T00:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class AwsIamRole extends AwsResourceBase implements Role {
  /** Property {@code arn} (string). */
  public static final Property<AwsIamRole> ARN =
      Property.of(AwsIamRole.class, "arn", ValueType.STRING, r -> r.arn().orElse(null));
  /** Property {@code path} (string). */
  public static final Property<AwsIamRole> PATH =
      Property.of(AwsIamRole.class, "path", ValueType.STRING, r -> r.path().orElse(null));

  /** The properties this kind declares itself, in declaration order. */
  public static final List<Property<?>> PROPERTIES = List.of(ARN, PATH);

  private static final Set<String> DECLARED = names(PROPERTIES);

  private final String arn;
  private final String path;

  private AwsIamRole(Builder b) {
    super(b, b.atime, DECLARED);
    this.arn = b.arn;
    this.path = b.path;
  }

  /**
   * Starts a role with this RoleId as its node id.
   *
   * @param id the RoleId
   * @return a builder for the role
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The factory of kind {@code aws_iam_role}.
   *
   * @param values the node's reported values
   * @return the role
   */
  public static AwsIamRole fromValues(PropertyValues values) {
    Builder b = builder(values.id()).common(values);
    values.datetime("atime").ifPresent(b::atime);
    values.string("arn").ifPresent(b::arn);
    values.string("path").ifPresent(b::path);
    return b.build();
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_IAM_ROLE;
  }

  /**
   * The ARN, {@code arn:aws:iam::<account>:role<path><name>}.
   *
   * @return the ARN, or empty when not known
   */
  public Optional<String> arn() {
    return Optional.ofNullable(arn);
  }

  /**
   * The IAM path, for example {@code /}.
   *
   * @return the IAM path, or empty when not known
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /**
   * A builder holding this role's values.
   *
   * @return a builder to derive a changed role from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return fieldMap("arn", arn, "path", path);
  }

  /** Builds an {@link AwsIamRole}. Setters of optional values accept {@code null} to clear them. */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private String arn;
    private String path;

    private Builder(String id) {
      super(id);
    }

    private Builder(AwsIamRole r) {
      super(r);
      this.arn = r.arn;
      this.path = r.path;
    }

    /**
     * Sets when the role was last used, or clears it with {@code null}.
     *
     * @param atime when the role was last used, or null
     * @return this builder
     */
    public Builder atime(Instant atime) {
      this.atime = atime;
      return this;
    }

    /**
     * Sets the ARN, or clears it with {@code null}.
     *
     * @param arn the ARN, or null
     * @return this builder
     */
    public Builder arn(String arn) {
      this.arn = arn;
      return this;
    }

    /**
     * Sets the IAM path (for example {@code /}), or clears it with {@code null}.
     *
     * @param path the IAM path, or null
     * @return this builder
     */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /**
     * Builds the immutable resource.
     *
     * @return the role
     */
    public AwsIamRole build() {
      return new AwsIamRole(this);
    }
  }
}
