package dev.inventory.spi;

import dev.inventory.Kind;
import java.util.List;

/**
 * Contributes kinds to {@link dev.inventory.KindRegistry#standard()}. Modules register an
 * implementation in {@code META-INF/services/dev.inventory.spi.KindProvider}; with the module on the
 * class path, fixtures load its kinds as typed objects.
 */
public interface KindProvider {

  /**
   * The kinds this module declares. Their bases must be base kinds or kinds of this provider.
   *
   * @return the declared kinds
   */
  List<Kind> kinds();
}
