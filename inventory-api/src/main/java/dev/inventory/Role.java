package dev.inventory;

/**
 * A role that principals can assume.
 *
 * <p>Resources of kind {@code role} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#ROLE}.
 */
public interface Role extends Resource {}
