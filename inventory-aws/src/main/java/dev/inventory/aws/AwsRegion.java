package dev.inventory.aws;

import dev.inventory.Region;
import dev.inventory.Property;
import dev.inventory.PropertyValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AWS region of one account (kind {@code aws_region} &lt; {@code region}, {@code aws_resource}).
 * IAM is global, so its resources hang below the region named {@code global}. The node id must be
 * unique across accounts; {@link Fixtures} uses {@code <account>/global}.
 *
 * <pre>{@code
 * AwsRegion global = AwsRegion.builder("111111111111/global").name("global").build();
 * }</pre>
 */
public final class AwsRegion extends AwsResourceBase implements Region {
  /** The properties this kind declares itself: none beyond those of {@code resource}. */
  public static final List<Property<?>> PROPERTIES = List.of();

  private AwsRegion(Builder b) {
    super(b, b.atime, Set.of());
  }

  /**
   * Starts a region with this node id (unique across accounts, for example {@code
   * 111111111111/global}).
   *
   * @param id the node id
   * @return a builder for the region
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The factory of kind {@code aws_region}.
   *
   * @param values the node's reported values
   * @return the region
   */
  public static AwsRegion fromValues(PropertyValues values) {
    Builder b = builder(values.id()).common(values);
    values.datetime("atime").ifPresent(b::atime);
    return b.build();
  }

  @Override
  public String kind() {
    return AwsKinds.AWS_REGION;
  }

  /**
   * A builder holding this region's values.
   *
   * @return a builder to derive a changed region from
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  @Override
  Map<String, Object> fields() {
    return Map.of();
  }

  /** Builds an {@link AwsRegion}. */
  public static final class Builder extends AwsResourceBase.Builder<Builder> {
    private Builder(String id) {
      super(id);
    }

    private Builder(AwsRegion a) {
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
     * @return the region
     */
    public AwsRegion build() {
      return new AwsRegion(this);
    }
  }
}
