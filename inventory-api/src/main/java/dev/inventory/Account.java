package dev.inventory;

/**
 * A cloud account (for AWS, one account id).
 *
 * <p>Resources of kind {@code account} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#ACCOUNT}.
 */
public interface Account extends Resource {}
