package dev.inventory.aws;

import dev.inventory.Resource;

/**
 * Marker for every resource collected from AWS: the Java side of the base kind {@code aws_resource}
 * (Fix Inventory has the same base kind), so that {@code is(aws_resource)} and {@code
 * Search.of(AwsResource.class)} select everything this module produces.
 *
 * <pre>{@code
 * List<AwsResource> fromAws = inventory.ofType(AwsResource.class);
 * }</pre>
 */
public interface AwsResource extends Resource {}
