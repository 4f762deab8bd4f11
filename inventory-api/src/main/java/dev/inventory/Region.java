package dev.inventory;

/**
 * A region of an account (IAM lives in the region `global`).
 *
 * <p>Resources of kind {@code region} and its subkinds implement this interface when a module declares
 * a Java class for them. Base kind: {@link BaseKinds#REGION}.
 */
public interface Region extends Resource {}
