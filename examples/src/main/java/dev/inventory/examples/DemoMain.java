package dev.inventory.examples;

import dev.inventory.BaseKinds;
import dev.inventory.Inventory;
import dev.inventory.InventoryException;
import dev.inventory.Kind;
import dev.inventory.fixture.Fixture;
import dev.inventory.fixture.FixtureFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads an inventory (the demo organisation, or a Fix Inventory NDJSON fixture) and prints how
 * many resources it holds per kind, then per base kind.
 *
 * <pre>
 * java -jar examples/target/inventory.jar [--fixture FILE] [--now INSTANT] [--export FILE]
 * </pre>
 *
 * {@code --export FILE} writes what was loaded as an NDJSON fixture. This program is the demo until
 * the query shell exists.
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the demo; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path fixture = null;
    Path export = null;
    Clock clock = Clock.systemUTC();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.println("usage: inventory [--fixture FILE] [--now INSTANT] [--export FILE]");
        return 0;
      }
      if (i + 1 >= args.length || !(a.equals("--fixture") || a.equals("--now") || a.equals("--export"))) {
        err.println("inventory: unknown or incomplete option '" + a + "'");
        err.println("usage: inventory [--fixture FILE] [--now INSTANT] [--export FILE]");
        return 2;
      }
      String value = args[++i];
      switch (a) {
        case "--fixture" -> fixture = Path.of(value);
        case "--export" -> export = Path.of(value);
        default -> {
          try {
            clock = Clock.fixed(Instant.parse(value), ZoneOffset.UTC);
          } catch (DateTimeParseException e) {
            err.println("inventory: --now expects an ISO-8601 instant such as 2026-05-01T00:00:00Z, got '" + value + "'");
            return 2;
          }
        }
      }
    }
    try {
      Fixture loaded = fixture == null
          ? new Fixture(DemoOrganisation.build(clock), Map.of())
          : FixtureFormat.read(fixture);
      Inventory inventory = loaded.inventory();
      out.println((fixture == null ? "demo organisation" : fixture.toString()) + ": "
          + inventory.size() + " resources, " + inventory.edgeCount() + " edges");
      printCounts(inventory, out);
      if (export != null) {
        FixtureFormat.write(inventory, loaded.state(), export);
        out.println("written to " + export);
      }
      return 0;
    } catch (InventoryException e) {
      err.println("inventory: " + e.getMessage());
      return 1;
    }
  }

  static void printCounts(Inventory inventory, PrintStream out) {
    Map<String, Integer> exact = new TreeMap<>();
    inventory.nodes().forEach(r -> exact.merge(r.kind(), 1, Integer::sum));
    out.println();
    out.println("by kind:");
    exact.forEach((kind, n) -> out.printf("  %-22s %7d%n", kind, n));
    out.println();
    out.println("by base kind:");
    for (Kind k : BaseKinds.all()) {
      if (!k.name().equals(BaseKinds.RESOURCE)) {
        out.printf("  %-22s %7d%n", k.name(), inventory.ofKind(k.name()).size());
      }
    }
  }
}
