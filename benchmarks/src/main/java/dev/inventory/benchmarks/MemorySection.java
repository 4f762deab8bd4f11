package dev.inventory.benchmarks;

import dev.inventory.Inventory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import java.util.Locale;

/**
 * DESIGN §9: heap retained by a snapshot of 1,000,000 resources, against the target "well under
 * 1 GB". Measured in this JVM: used heap after repeated full collections with the snapshot reachable,
 * minus the same without it (the generator's garbage and the builder are gone by then; the kind
 * registry and classes are loaded before the baseline). Only the {@code Inventory} and what it
 * references count: the generator's bookkeeping is dropped first.
 */
final class MemorySection implements Section {
  static final long TARGET_BYTES = 1L << 30;

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "heap retained by a 1,000,000-resource snapshot (target: well under 1 GB)";
  }

  @Override
  public List<Row> run(Options options) {
    int size = options.quick() ? 100_000 : 1_000_000;
    Organisation.generate(1_000); // load every class and the kind registry before the baseline
    long baseline = settledUsedHeap();
    Inventory inventory = Organisation.generate(size).inventory;
    long with = settledUsedHeap();
    long retained = with - baseline;
    Reference.reachabilityFence(inventory);
    double perResource = (double) retained / size;
    boolean ok = retained > 0 && retained < TARGET_BYTES;
    String check = retained <= 0
        ? "MEASUREMENT FAILED: retained " + retained + " bytes"
        : ok ? "under the 1 GB target" : "OVER the 1 GB target";
    String ours = String.format(Locale.ROOT, "%.0f MB (%.0f B/resource)", retained / 1e6, perResource);
    double ratio = (double) TARGET_BYTES / retained;
    return List.of(new Row(name(), "heap retained by the snapshot", Row.count(size) + " resources", ours,
        "1 GB target", Row.ratio(ratio), check, ok,
        "used heap after System.gc() (until stable) with the snapshot minus without, same JVM; "
            + inventory.edgeCount() + " edges",
        retained, TARGET_BYTES, "bytes"));
  }

  /** Used heap after full collections, once two in a row agree within 1 MB (at most 10). */
  static long settledUsedHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 1_000_000) {
        return used;
      }
      previous = used;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return used;
      }
    }
    return previous;
  }
}
