package dev.inventory;

/**
 * A cloud provider, the root of a collected graph (for example `aws`).
 *
 * <p>Resources of kind {@code cloud} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#CLOUD}.
 */
public interface Cloud extends Resource {}
