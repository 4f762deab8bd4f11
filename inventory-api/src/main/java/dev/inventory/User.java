package dev.inventory;

/**
 * A user or principal that can own credentials.
 *
 * <p>Resources of kind {@code user} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#USER}.
 */
public interface User extends Resource {}
