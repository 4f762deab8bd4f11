package dev.inventory.cleanup.internal;

import dev.inventory.cleanup.CleanupException;
import dev.inventory.spi.Cleaner;
import dev.inventory.spi.SelectionCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Cleaners and selection checks found with {@link ServiceLoader}, merged with explicit ones. */
public final class Discovery {
  private final List<Cleaner> cleaners;
  private final List<SelectionCheck> checks;

  private Discovery(List<Cleaner> cleaners, List<SelectionCheck> checks) {
    this.cleaners = cleaners;
    this.checks = checks;
  }

  public static Discovery none() {
    return new Discovery(List.of(), List.of());
  }

  public static Discovery load(ClassLoader loader) {
    return new Discovery(load(Cleaner.class, loader), load(SelectionCheck.class, loader));
  }

  private static <T> List<T> load(Class<T> type, ClassLoader loader) {
    List<T> found = new ArrayList<>();
    try {
      ServiceLoader.load(type, loader).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new CleanupException("cannot load a " + type.getName() + " service: " + e.getMessage(), e);
    }
    return found;
  }

  /**
   * The cleaner per kind: explicit ones win over discovered ones of the same kind.
   *
   * @throws CleanupException naming both classes when two explicit cleaners, or two discovered ones
   *     without an explicit one, claim a kind
   */
  public Map<String, Cleaner> cleaners(List<Cleaner> explicit) {
    Map<String, Cleaner> byKind = byKind(explicit, "registered on the executor's builder");
    // a clash among discovered cleaners matters only for kinds that no explicit cleaner settles
    List<Cleaner> unsettled = cleaners.stream().filter(c -> !byKind.containsKey(c.kind())).toList();
    byKind.putAll(byKind(unsettled, "found with ServiceLoader"));
    return byKind;
  }

  private static Map<String, Cleaner> byKind(List<Cleaner> list, String origin) {
    Map<String, Cleaner> byKind = new LinkedHashMap<>();
    for (Cleaner c : list) {
      String kind = c.kind();
      Cleaner before = byKind.putIfAbsent(kind, c);
      if (before != null) {
        throw new CleanupException("two cleaners for kind '" + kind + "' " + origin + ": " + name(before) + " and "
            + name(c) + "; register exactly one per kind");
      }
    }
    return byKind;
  }

  /**
   * The one discovered selection check, if any.
   *
   * @throws CleanupException naming both classes when more than one was found
   */
  public Optional<SelectionCheck> selectionCheck() {
    if (checks.size() > 1) {
      throw new CleanupException("two selection checks found with ServiceLoader: " + name(checks.get(0)) + " and "
          + name(checks.get(1)) + "; register one on the executor's builder to choose");
    }
    return checks.stream().findFirst();
  }

  private static String name(Object o) {
    return o.getClass().getName();
  }
}
