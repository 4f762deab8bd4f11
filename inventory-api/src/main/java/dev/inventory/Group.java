package dev.inventory;

/**
 * A group of users.
 *
 * <p>Resources of kind {@code group} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#GROUP}.
 */
public interface Group extends Resource {}
