package dev.inventory.aws;

import dev.inventory.Kind;
import dev.inventory.spi.KindProvider;
import java.util.List;

/**
 * Contributes {@link AwsKinds#all()} to {@link dev.inventory.KindRegistry#standard()}; registered
 * in {@code META-INF/services/dev.inventory.spi.KindProvider}, so nothing needs to be called.
 *
 * <pre>{@code
 * KindRegistry.builder().addAll(new AwsKindProvider().kinds(), "aws").build();  // explicit use
 * }</pre>
 */
public final class AwsKindProvider implements KindProvider {

  /** Used by {@link java.util.ServiceLoader}. */
  public AwsKindProvider() {}

  @Override
  public List<Kind> kinds() {
    return AwsKinds.all();
  }
}
