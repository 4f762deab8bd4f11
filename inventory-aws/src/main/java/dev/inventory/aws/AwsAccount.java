package dev.inventory.aws;

import dev.inventory.Account;
import dev.inventory.Property;
import dev.inventory.PropertyValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AWS account (kind {@code aws_account} &lt; {@code account}, {@code aws_resource}): the node id
 * is the 12-digit account id, the name its alias.
 *
 * <pre>{@code
 * AwsAccount prod = AwsAccount.builder("111111111111").name("prod").build();
 * }</pre>
 *
 * <p>The id is not checked for 12 digits here, because exports of other tools may use their own
 * node ids; {@link Fixtures} checks it for hand-written fixtures.
 */
public final class AwsAccount extends AwsResourceBase implements Account {
  /** The properties this kind declares itself: none beyond those of {@code resource}. */
  public static final List<Property<?>> PROPERTIES = List.of();

  private AwsAccount(Builder b) {
    super(b, b.atime, Set.of());
  }

  /**
   * Starts an account with this account id as its node id.
   *
   * @param accountId the 12-digit account id
   * @return a builder for the account
   */
  public static Builder builder(String accountId) {
    return new Builder(accountId);
  }

  /**
   * The factory of kind {@code aws_account}.
   *
   * @param values the node's reported values
   * @return the account
   */
  public static AwsAccount fromValues(PropertyValues values) {
    Builder b = builder(values.id()).common(values);
    values.datetime("atime").ifPresent(b::atime);
    return b.build();
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_ACCOUNT;
  }

  /**
   * A builder holding this account's values.
   *
   * @return a builder to derive a changed account from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return Map.of();
  }

  /** Builds an {@link AwsAccount}. */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private Builder(String id) {
      super(id);
    }

    private Builder(AwsAccount a) {
      super(a);
    }

    /**
     * Sets the last access time, or clears it with {@code null}.
     *
     * @param atime the last access time, or null
     * @return this builder
     */
    public Builder atime(Instant atime) {
      this.atime = atime;
      return this;
    }

    /**
     * Builds the immutable resource.
     *
     * @return the account
     */
    public AwsAccount build() {
      return new AwsAccount(this);
    }
  }
}
