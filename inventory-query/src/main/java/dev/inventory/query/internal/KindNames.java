package dev.inventory.query.internal;

import dev.inventory.Kind;
import dev.inventory.KindRegistry;
import dev.inventory.Resource;
import java.util.List;
import java.util.Objects;

/**
 * Maps a Java resource type to its kind name through {@link KindRegistry#standard()}, for the
 * fluent DSL ({@code Search.of(AccessKey.class)} starts {@code is(access_key)}). Not API.
 */
public final class KindNames {
  private KindNames() {}

  /**
   * The name of the kind whose {@link Kind#javaType()} is exactly {@code type}.
   *
   * @throws IllegalArgumentException when no kind, or more than one, has that Java type
   */
  public static String of(Class<? extends Resource> type) {
    Objects.requireNonNull(type, "type");
    // Exactly that class, not a supertype: AccessKey.class must mean access_key, never resource.
    List<String> names = KindRegistry.standard().kinds().stream()
        .filter(k -> k.javaType().equals(type))
        .map(Kind::name)
        .toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "no kind has the Java type " + type.getName()
              + "; a kind is known when inventory-api declares it or a KindProvider on the class path does");
    }
    if (names.size() > 1) {
      throw new IllegalArgumentException(
          "more than one kind has the Java type " + type.getName() + ": " + String.join(", ", names));
    }
    return names.get(0);
  }
}
