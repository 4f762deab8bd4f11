package dev.inventory.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command line options of {@link Main}.
 *
 * @param quick small sizes and short measurements (a smoke run of the same rows)
 * @param json where the table goes as JSON
 * @param only the section to run, or all
 */
record Options(boolean quick, Path json, Optional<String> only) {
  static final Path DEFAULT_JSON = Path.of("benchmarks", "target", "results.json");

  static final String USAGE = """
      usage: benchmarks/run [--quick] [--json FILE] [--only SECTION]
        --quick         the same rows at small sizes, with short measurements
        --json FILE     also write the table as JSON to FILE (default benchmarks/target/results.json)
        --only SECTION  run one section: %s
      """;

  /** Parses the arguments; a bad one is an {@link IllegalArgumentException} that says what was expected. */
  static Options parse(String[] args, List<String> sectionNames) {
    boolean quick = false;
    Path json = DEFAULT_JSON;
    Optional<String> only = Optional.empty();
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String a = rest.remove(0);
      switch (a) {
        case "--quick" -> quick = true;
        case "--json" -> json = Path.of(value(a, rest, "a file name"));
        case "--only" -> {
          String s = value(a, rest, "a section name");
          if (!sectionNames.contains(s)) {
            throw new IllegalArgumentException("unknown section '" + s + "' after --only; expected one of " + sectionNames);
          }
          only = Optional.of(s);
        }
        default -> throw new IllegalArgumentException(
            "unknown option '" + a + "'; expected --quick, --json FILE or --only SECTION");
      }
    }
    return new Options(quick, json, only);
  }

  private static String value(String option, List<String> rest, String expected) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs " + expected);
    }
    return rest.remove(0);
  }
}
