package dev.inventory.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints one table to standard output, one row per
 * measurement ({@code row | size | ours | comparison | ratio | check}), plus the same as JSON.
 * Started by {@code benchmarks/run}; see {@link Options#USAGE}.
 *
 * <p>Exit code 0 when every check passed, 1 when one failed (after printing everything), 2 for a bad
 * option.
 */
public final class Main {
  /** The sections, in the order they run. Add new ones here. */
  static final List<Section> SECTIONS = List.of(new QuerySection(), new MemorySection(), new ParseSection(),
      new CollectSection(), new CleanupSection());

  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> names = SECTIONS.stream().map(Section::name).toList();
    Options options;
    try {
      options = Options.parse(args, names);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.printf(Options.USAGE, String.join(", ", names));
      System.exit(2);
      return;
    }
    String header = header(options);
    System.err.println(header);
    List<Row> rows = new ArrayList<>();
    List<String> legends = new ArrayList<>();
    long start = System.nanoTime();
    for (Section s : SECTIONS) {
      if (options.only().isPresent() && !options.only().get().equals(s.name())) {
        continue;
      }
      long t0 = System.nanoTime();
      System.err.println("running " + s.name() + ": " + s.description());
      rows.addAll(s.run(options));
      if (!s.legend().isEmpty()) {
        legends.add(s.name() + ": " + s.legend());
      }
      System.err.printf(Locale.ROOT, "%s done in %.1f s%n", s.name(), (System.nanoTime() - t0) / 1e9);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(header);
    out.print(Table.render(rows));
    out.printf(Locale.ROOT, "ratio = comparison / ours (above 1: ours is faster or smaller); total %.0f s%n", seconds);
    legends.forEach(l -> out.println("  " + l));
    out.println("notes:");
    for (Row r : rows) {
      if (!r.note().isEmpty()) {
        out.println("  " + r.row().split(":")[0] + " (" + r.size() + "): " + r.note());
      }
    }
    write(options.json(), Table.json(header, rows, seconds));
    out.println("JSON: " + options.json());
    List<Row> failed = rows.stream().filter(r -> !r.ok()).toList();
    if (!failed.isEmpty()) {
      out.println("FAILED CHECKS: " + failed.size());
      for (Row r : failed) {
        out.println("  " + r.row() + " (" + r.size() + "): " + r.check());
      }
      System.exit(1);
    }
  }

  static String header(Options options) {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT, "Inventory benchmarks%s: %d cores, Java %s (%s), max heap %d MB, %s, %s",
        options.quick() ? " (--quick)" : "", rt.availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024),
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList()),
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
